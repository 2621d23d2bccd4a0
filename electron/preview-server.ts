// Serves the renderer build on 127.0.0.1 for any browser, with the app's CSP. Used by
// `npm run preview`, the end-to-end tests and the benchmarks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { readRendererFile, type RendererResponse } from './renderer-files';

/** Answers a path before the build folder does, or leaves it to the folder (undefined). */
export type AnswerFirst = (pathname: string) => Promise<RendererResponse> | undefined;

export interface PreviewServer {
  url: string;
  /**
   * The stand-in host's hand-over of a synced library (WaitingSnapshot.respond), as Electron's
   * app:// handler answers it before the build folder; one launch at a time sets it.
   */
  answerFirst?: AnswerFirst;
  close(): Promise<void>;
}

export async function startPreviewServer(root: string, port = 0): Promise<PreviewServer> {
  const preview: PreviewServer = {
    url: '',
    // Chromium opens sockets ahead of need; close() alone waits on such an unused one until Node's
    // headers timeout, a minute. Nothing served here is worth finishing once the server is closed.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = await (preview.answerFirst?.(pathname) ?? readRendererFile(root, pathname));
    response.writeHead(file.status, {
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  preview.url = `http://127.0.0.1:${bound}/`;
  return preview;
}
