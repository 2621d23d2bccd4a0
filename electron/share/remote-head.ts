// isomorphic-git's fetch looks up what the remote's HEAD points at even when asked for one branch,
// and fails ("Could not find HEAD") when the server names no HEAD: the server leaves it out while
// its default branch has no commit, which is exactly a repository made for incidents, holding only
// the incidents branch. This tells isomorphic-git, in the server's list of refs, that HEAD is the
// branch it asked for (the `symref` capability git servers send); nothing else is changed.
import type { GitHttpResponse, HttpClient } from 'isomorphic-git';

export function withHeadAt(http: HttpClient, branch: string): HttpClient {
  return {
    async request(request) {
      const response = await http.request(request);
      if (!/\/info\/refs\?service=git-upload-pack$/.test(request.url) || response.statusCode !== 200 || !response.body) return response;
      const chunks: Uint8Array[] = [];
      for await (const chunk of response.body) chunks.push(chunk);
      const body = addHeadSymref(Buffer.concat(chunks), branch);
      return { ...response, body: (async function* () { yield body; })() as GitHttpResponse['body'] };
    },
  };
}

/** The ref advertisement with `symref=HEAD:refs/heads/<branch>` added to its capabilities, unless it names HEAD already. */
export function addHeadSymref(advertisement: Buffer, branch: string): Buffer {
  let offset = 0;
  let flushes = 0;
  while (offset + 4 <= advertisement.length) {
    const length = Number.parseInt(advertisement.subarray(offset, offset + 4).toString('latin1'), 16);
    if (!Number.isInteger(length) || (length !== 0 && length < 4) || offset + length > advertisement.length) return advertisement;
    if (length === 0) {
      flushes++;
      offset += 4;
      continue;
    }
    const line = advertisement.subarray(offset + 4, offset + length).toString('utf8');
    // The first ref line, after the `# service=` line and its flush, carries the capabilities.
    if (!line.startsWith('# service=') && flushes >= 1) {
      const nul = line.indexOf('\0');
      if (nul < 0 || line.includes('symref=HEAD:') || / HEAD\0/.test(line) || line.includes('capabilities^{}')) return advertisement;
      const withSymref = `${line.replace(/\n$/, '')} symref=HEAD:refs/heads/${branch}\n`;
      const packet = Buffer.from(`${(Buffer.byteLength(withSymref) + 4).toString(16).padStart(4, '0')}${withSymref}`, 'utf8');
      return Buffer.concat([advertisement.subarray(0, offset), packet, advertisement.subarray(offset + length)]);
    }
    offset += length;
  }
  return advertisement;
}
