import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibraryFolder, readLibraryFolder } from '../../../electron/library-loader';
import { DEFAULT_LIMITS } from '../../../shared/limits';

const run = promisify(execFile);
let root: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'failsafe-library-'));
  outside = await mkdtemp(path.join(tmpdir(), 'failsafe-outside-'));
  await mkdir(path.join(root, 'db'));
  await writeFile(path.join(root, 'db', 'restore.md'), '# Restore\n\n1. Do it: `pg_restore -d app x.dump`\n');
  await writeFile(path.join(outside, 'secret.md'), '# Secret from outside');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('readLibraryFolder', () => {
  it('reads Markdown and YAML files with paths relative to the library', async () => {
    await writeFile(path.join(root, 'severity.yml'), 'levels: []');
    await writeFile(path.join(root, 'logo.png'), 'not read');
    const { files, problems } = await readLibraryFolder(root);
    expect(files.map((file) => file.path).sort()).toEqual(['db/restore.md', 'severity.yml']);
    expect(problems).toEqual([]);
  });

  it('refuses symbolic links that leave the folder, and follows ones that stay inside', async () => {
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'leak.md'));
    await symlink(outside, path.join(root, 'leakdir'));
    await symlink(path.join(root, 'db', 'restore.md'), path.join(root, 'alias.md'));
    const { files, problems } = await readLibraryFolder(root);
    expect(files.map((file) => file.path).sort()).toEqual(['alias.md', 'db/restore.md']);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'leak.md', reason: 'symbolic link points outside the library folder', level: 'error' },
        { path: 'leakdir', reason: 'symbolic link points outside the library folder', level: 'error' },
      ]),
    );
    expect(files.some((file) => file.text.includes('Secret from outside'))).toBe(false);
  });

  it('refuses file names with path tricks', async () => {
    await writeFile(path.join(root, '..\\..\\evil.md'), '# Evil');
    const { files, problems } = await readLibraryFolder(root);
    expect(files.map((file) => file.path)).toEqual(['db/restore.md']);
    expect(problems).toEqual([{ path: '..\\..\\evil.md', reason: expect.stringMatching(/escape/), level: 'error' }]);
  });

  it('refuses oversized files and stops at the file-count limit', async () => {
    await writeFile(path.join(root, 'huge.md'), 'x'.repeat(2048));
    for (let index = 0; index < 5; index++) await writeFile(path.join(root, `r${index}.md`), `# R${index}`);
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 1024, maxFiles: 4 };
    const { files, problems } = await readLibraryFolder(root, { limits });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'huge.md', reason: 'file is 2048 bytes, over the 1024-byte limit', level: 'error' },
        expect.objectContaining({ reason: expect.stringMatching(/more than 4 files/) }),
      ]),
    );
    expect(files.length).toBeLessThanOrEqual(4);
  });

  it('skips .git quietly, and lists hidden folders and hidden library files as skipped, with the reason', async () => {
    await mkdir(path.join(root, '.git'));
    await writeFile(path.join(root, '.git', 'HEAD.md'), '# not a runbook');
    await mkdir(path.join(root, '.github'));
    await writeFile(path.join(root, '.github', 'oncall-howto.md'), '# Hidden');
    await writeFile(path.join(root, 'db', '.draft-failover.md'), '# Draft');
    await writeFile(path.join(root, '.gitignore'), 'node_modules');
    const snapshot = await loadLibraryFolder(root, { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
    expect(snapshot.runbooks.map((runbook) => runbook.id)).toEqual(['db/restore']);
    const reason = 'skipped: the name starts with a dot, so it is hidden; rename it to have it read';
    expect(snapshot.problems).toEqual([
      { path: '.github', reason, level: 'skipped' },
      { path: 'db/.draft-failover.md', reason, level: 'skipped' },
    ]);
  });

  it('reads a folder README or a Hugo _index.md with a body as the runbook of its folder, and leaves the root README out', async () => {
    await writeFile(path.join(root, 'README.md'), '# Our runbooks\n\nHow this repo works.');
    await mkdir(path.join(root, 'services', 'redis'), { recursive: true });
    await writeFile(path.join(root, 'services', 'redis', 'README.md'), '# Redis\n\n## Steps\n\n1. Check memory: `redis-cli info memory`\n');
    await mkdir(path.join(root, 'services', 'kafka-brokers'));
    await writeFile(path.join(root, 'services', 'kafka-brokers', 'README.md'), 'Restart brokers one at a time.\n');
    await mkdir(path.join(root, 'hugo', 'payments'), { recursive: true });
    await writeFile(path.join(root, 'hugo', 'payments', '_index.md'), '---\ntitle: Payments\n---\nWhen payments fail, check the queue.\n');
    await writeFile(path.join(root, 'hugo', '_index.md'), '---\ntitle: Section only\n---\n');
    const snapshot = await loadLibraryFolder(root, { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
    expect(snapshot.runbooks.map((runbook) => [runbook.id, runbook.title])).toEqual([
      ['db/restore', 'Restore'],
      ['hugo/payments', 'Payments'],
      ['services/kafka-brokers', 'Kafka brokers'],
      ['services/redis', 'Redis'],
    ]);
    expect(snapshot.problems).toEqual([]);
  });
});

describe('npm run lint:library', () => {
  const cli = path.resolve('electron/lint-library-cli.ts');
  const tsx = path.resolve('node_modules/.bin/tsx');

  it('passes the bundled library', async () => {
    const { stdout } = await run(tsx, [cli, 'runbooks']);
    expect(stdout).toMatch(/\d+ runbooks, 8 notes, 5 templates, \d+ contacts, 4 severity levels; 0 errors, 0 warnings, 0 skipped/);
  });

  it('prints each problem and exits non-zero on errors', async () => {
    await writeFile(path.join(root, 'broken.md'), '---\ntitle: [\n---\n');
    const failure = await run(tsx, [cli, root]).catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stdout: string }).stdout).toMatch(/error: broken\.md: front matter is not valid YAML/);
  });

  it('lists hidden files as skipped without failing', async () => {
    await writeFile(path.join(root, '.hidden.md'), '# Hidden');
    const { stdout } = await run(tsx, [cli, root]);
    expect(stdout).toMatch(/^skipped: \.hidden\.md: skipped: the name starts with a dot/m);
    expect(stdout).toMatch(/0 errors, 0 warnings, 1 skipped/);
  });

  it('exits 2 with a message for a folder that does not exist', async () => {
    const failure = await run(tsx, [cli, path.join(root, 'missing')]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read library folder/) });
  });
});
