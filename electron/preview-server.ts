// Serves the renderer build on 127.0.0.1 for any browser, with the app's CSP. Used by
// `npm run preview`, the end-to-end tests and the benchmarks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { readRendererFile } from './renderer-files';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function startPreviewServer(root: string, port = 0): Promise<PreviewServer> {
  const server: Server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = await readRendererFile(root, new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
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
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
