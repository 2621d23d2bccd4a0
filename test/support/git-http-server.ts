// A real Git server for tests: Debian's `git http-backend` behind a small Node http server on
// 127.0.0.1, with optional HTTP basic auth and pushes, and a way to die in the middle of a transfer.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface GitServerOptions {
  /** Folder holding bare repositories, served as http://127.0.0.1:PORT/<name>.git */
  root: string;
  /** Require HTTP basic auth with this password (any user name). */
  token?: string;
  /** Kill the whole server once this many bytes of a fetch's pack have been sent. */
  dieAfterPackBytes?: number;
  /** Listen on this port (to come back where a killed server was). */
  port?: number;
  /** Accept pushes (git's `http.receivepack`); by default the server only serves fetches and clones. */
  push?: boolean;
}

export interface GitServer {
  url(repo: string): string;
  port: number;
  /** Stops answering at once: open transfers are cut, new connections refused. */
  kill(): Promise<void>;
  requests: number;
}

export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  const sockets = new Set<Socket>();
  let killed = false;
  const state = { requests: 0 };
  const server = createServer((request, response) => {
    state.requests++;
    if (options.token && !authorised(request, options.token)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('authentication required');
      return;
    }
    serveCgi(request, response, options, () => void kill());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kill = async () => {
    if (killed) return;
    killed = true;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    url: (repo) => `http://127.0.0.1:${port}/${repo}.git`,
    kill,
    get requests() {
      return state.requests;
    },
  };
}

function authorised(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

function serveCgi(request: IncomingMessage, response: ServerResponse, options: GitServerOptions, die: () => void) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: options.root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: request.method ?? 'GET',
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: String(request.headers['git-protocol'] ?? ''),
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: options.token ? 'tester' : '',
      ...(options.push ? { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.receivepack', GIT_CONFIG_VALUE_0: 'true' } : {}),
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  request.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersDone = false;
  let sent = 0;
  const isPack = url.pathname.endsWith('/git-upload-pack');
  child.stdout.on('data', (chunk: Buffer) => {
    if (!headersDone) {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      chunk = head.subarray(end + 4);
    }
    sent += chunk.length;
    response.write(chunk);
    if (isPack && options.dieAfterPackBytes !== undefined && sent >= options.dieAfterPackBytes) die();
  });
  child.stdout.on('end', () => response.end());
  child.on('error', () => response.destroy());
}
