import { connect, type Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../electron/preview-server';

describe('the preview server', () => {
  let root: string;
  let preview: PreviewServer;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'failsafe-preview-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Failsafe</title>');
    preview = await startPreviewServer(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves the build with the app’s content security policy, and refuses anything but reading', async () => {
    const page = await fetch(new URL('index.html', preview.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Failsafe</title>');
    expect((await fetch(new URL('index.html', preview.url), { method: 'POST', body: 'x' })).status).toBe(405);
    await preview.close();
  });

  it('closes at once though a browser still holds a connection it opened ahead and never used', async () => {
    // Chromium opens sockets before it needs them. Node's close() waits for such a socket until its
    // headers timeout (a minute), which once ran a test past its own timeout.
    const { port } = new URL(preview.url);
    const idle: Socket = await new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    await preview.close();
    await closed;
    expect(idle.destroyed).toBe(true);
  });
});
