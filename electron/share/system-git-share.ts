// Incident sharing with the system's git: plumbing commands on the bare clone, with the same safe
// settings and token handling as library sync (electron/sync/system-git-transport.ts).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { gitEnvironment, safeGitArgs } from '../sync/system-git-transport';
import { authorOf, remoteRef, type ShareGit, type TreeEntry } from './share-git';

interface Output {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export function createSystemGitShare(gitBinary = 'git'): ShareGit {
  // Every command runs with the safe settings; a remote's URL decides whether loopback http is allowed.
  const git = (dir: string, args: string[], options: { url?: string; token?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) =>
    run(gitBinary, [...safeGitArgs(options.url ?? ''), `--git-dir=${dir}`, ...args], { ...gitEnvironment(options.token), ...options.env }, options.input);
  const ok = async (dir: string, args: string[], options: Parameters<typeof git>[2] = {}) => {
    const result = await git(dir, args, options);
    if (result.code !== 0) throw failure(args, result);
    return result.stdout.toString('utf8');
  };
  const resolve = async (dir: string, ref: string) => {
    const result = await git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
  };
  return {
    name: 'system-git',
    async prepare(dir, url) {
      const exists = await access(path.join(dir, 'HEAD')).then(() => true, () => false);
      if (!exists) {
        const result = await run(gitBinary, ['init', '--bare', '--quiet', dir], gitEnvironment(undefined));
        if (result.code !== 0) throw failure(['init'], result);
      }
      await ok(dir, ['config', 'core.symlinks', 'false']);
      await ok(dir, ['config', 'remote.origin.url', url]);
    },
    async fetch(dir, remote) {
      const result = await git(dir, ['fetch', '--no-tags', '--force', 'origin', `+refs/heads/${remote.branch}:${remoteRef(remote.branch)}`], remote);
      if (result.code !== 0) {
        // An empty repository, or one without the branch yet: the first push makes it.
        if (/couldn't find remote ref/i.test(result.stderr)) return undefined;
        throw failure(['fetch'], result);
      }
      return resolve(dir, remoteRef(remote.branch));
    },
    resolve,
    async setRef(dir, ref, commit) {
      await ok(dir, ['update-ref', ref, commit]);
    },
    async entries(dir, commit) {
      const listing = await ok(dir, ['ls-tree', '-r', '-l', '-z', commit, '--', 'incidents/']);
      const found: TreeEntry[] = [];
      for (const line of listing.split('\0')) {
        const tab = line.indexOf('\t');
        if (tab < 0) continue;
        // `<mode> <type> <oid> <size, padded; - for a submodule>\t<path>`
        const [mode, , oid, size] = line.slice(0, tab).split(/ +/);
        found.push({ mode, oid, path: line.slice(tab + 1), ...(/^\d+$/.test(size) ? { size: Number(size) } : {}) });
      }
      return found;
    },
    async readBlob(dir, oid) {
      const result = await git(dir, ['cat-file', 'blob', oid]);
      if (result.code !== 0) throw failure(['cat-file'], result);
      return result.stdout;
    },
    async commit(dir, parent, files, message, writer) {
      // A private index, so nothing else's staging is touched and nothing is checked out.
      const index = path.join(dir, `failsafe-index-${randomBytes(6).toString('hex')}`);
      const author = authorOf(writer);
      const env = {
        GIT_INDEX_FILE: index,
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
      };
      try {
        await ok(dir, parent ? ['read-tree', parent] : ['read-tree', '--empty'], { env });
        for (const file of files) {
          const blob = (await ok(dir, ['hash-object', '-w', '--stdin'], { input: file.text, env })).trim();
          await ok(dir, ['update-index', '--add', '--replace', '--cacheinfo', `100644,${blob},${file.path}`], { env });
        }
        const tree = (await ok(dir, ['write-tree'], { env })).trim();
        return (await ok(dir, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], { env })).trim();
      } finally {
        await rm(index, { force: true });
      }
    },
    async push(dir, remote, commit) {
      const result = await git(dir, ['push', '--porcelain', '--no-verify', 'origin', `${commit}:refs/heads/${remote.branch}`], remote);
      if (result.code === 0) return 'pushed';
      // Someone pushed first (a fast-forward refused): fetch, put this commit on theirs, try again.
      if (/\[rejected\]/.test(result.stdout.toString('utf8') + result.stderr)) return 'rejected';
      throw failure(['push'], result);
    },
  };
}

function failure(args: string[], result: Output): Error {
  return new Error(`git ${args[0]} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

function run(gitBinary: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(gitBinary, args, { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(chunks), stderr }));
    if (input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}
