import http from 'node:http';
import https from 'node:https';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

/**
 * The HTTP client isomorphic-git talks through. Node's default socket handling aborts a slow
 * transfer, so this one has its own keep-alive agents and an idle timeout that applies for the
 * whole response, and it fails (rather than hangs) when the server goes away mid-transfer.
 */
export function createGitHttpClient(idleTimeoutMs: number): HttpClient & { destroy(): void } {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 4 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 4 }),
  };
  return {
    async request({ url, method = 'GET', headers = {}, body }: GitHttpRequest): Promise<GitHttpResponse> {
      const payload = body ? await collect(body) : undefined;
      const secure = url.startsWith('https:');
      return new Promise((resolve, reject) => {
        const request = (secure ? https : http).request(
          url,
          { method, headers: payload ? { ...headers, 'content-length': String(payload.byteLength) } : headers, agent: secure ? agents.https : agents.http },
          (response) => {
            const flat: Record<string, string> = {};
            for (const [key, value] of Object.entries(response.headers)) if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
            resolve({
              url,
              method,
              statusCode: response.statusCode ?? 0,
              statusMessage: response.statusMessage ?? '',
              headers: flat,
              body: response[Symbol.asyncIterator]() as AsyncIterableIterator<Uint8Array>,
            });
          },
        );
        request.setTimeout(idleTimeoutMs, () => request.destroy(Object.assign(new Error(`Git server timed out after ${idleTimeoutMs} ms without data`), { code: 'ETIMEDOUT' })));
        request.on('error', reject);
        request.end(payload);
      });
    },
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

async function collect(body: AsyncIterableIterator<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
