// Maps a request path onto the renderer build folder, for the app:// protocol and the preview server.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The file a URL path names inside `root`, or undefined for anything that would leave it. */
export function resolveRendererFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absolute = path.resolve(root, relative);
  const inside = path.relative(path.resolve(root), absolute);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  return absolute;
}

export interface RendererResponse {
  status: number;
  type: string;
  body: Buffer | string;
}

export async function readRendererFile(root: string, urlPath: string): Promise<RendererResponse> {
  const file = resolveRendererFile(root, urlPath);
  if (!file) return { status: 400, type: 'text/plain', body: 'bad path' };
  try {
    const body = await readFile(file);
    return { status: 200, type: MIME_TYPES[path.extname(file)] ?? 'application/octet-stream', body };
  } catch {
    return { status: 404, type: 'text/plain', body: 'not found' };
  }
}
