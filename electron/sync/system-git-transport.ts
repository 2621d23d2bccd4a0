import { spawn } from 'node:child_process';
import { basicAuthHeader, type CheckedOut, type GitTransport, type TransportOptions } from './git-transport';

// The system's git: fast, and it brings SSH and the user's own keys and credential helpers. It runs
// with hooks off, no submodules, no work tree (the library is read from the objects), and only the
// https and ssh protocols (plain http only for a loopback address, which settings validation
// guarantees).

const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.symlinks=false',
  'core.fsmonitor=false',
  'submodule.recurse=false',
  'protocol.allow=never',
  'protocol.https.allow=always',
  'protocol.ssh.allow=always',
  'advice.detachedHead=false',
  // Give up on a transfer that stalls, instead of hanging.
  'http.lowSpeedLimit=1000',
  'http.lowSpeedTime=30',
];

export function createSystemGitTransport(gitBinary = 'git'): GitTransport {
  return {
    name: 'system-git',
    async clone(dir, options) {
      const branch = options.branch ? ['--branch', options.branch] : [];
      await run(gitBinary, ['clone', '--depth', '1', '--single-branch', '--no-tags', '--no-checkout', '--progress', ...branch, '--', options.url, dir], options);
      return checkedOut(gitBinary, dir, options);
    },
    async update(dir, options) {
      const branch = options.branch || (await run(gitBinary, ['-C', dir, 'rev-parse', '--abbrev-ref', 'HEAD'], options)).trim();
      await run(gitBinary, ['-C', dir, 'fetch', '--depth', '1', '--no-tags', '--progress', '--force', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`], options);
      // The branch (HEAD's) now points at whatever the server has, even if history was rewritten;
      // there is no work tree or index to bring along.
      await run(gitBinary, ['-C', dir, 'update-ref', `refs/heads/${branch}`, `refs/remotes/origin/${branch}`], options);
      return checkedOut(gitBinary, dir, options);
    },
  };
}

async function checkedOut(gitBinary: string, dir: string, options: TransportOptions): Promise<CheckedOut> {
  const [commit, committedAt] = (await run(gitBinary, ['-C', dir, 'log', '-1', '--format=%H%n%cI'], options)).trim().split('\n');
  return { commit, committedAt: new Date(committedAt).toISOString() };
}

/** The `-c` settings every git command runs with (incident sharing runs its own commands with them too). */
export function safeGitArgs(url: string): string[] {
  const loopbackHttp = /^http:\/\/(localhost|127(\.\d+){3}|\[::1\])[:/]/i.test(url);
  return [...SAFE_CONFIG, ...(loopbackHttp ? ['protocol.http.allow=always'] : [])].flatMap((entry) => ['-c', entry]);
}

/** Git's environment: never a prompt, and the token as a header in the environment. */
export function gitEnvironment(token: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    LC_ALL: 'C',
  };
  if (token) {
    // Passed in the environment, not on the command line, so other users cannot read it in `ps`.
    Object.assign(env, { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: ${basicAuthHeader(token)}` });
  }
  return env;
}

/** Runs git, reporting progress from its stderr; rejects with stderr's last lines on failure. */
function run(gitBinary: string, args: string[], options: TransportOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(gitBinary, [...safeGitArgs(options.url), ...args], { env: gitEnvironment(options.token), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr = (stderr + text).slice(-4000);
      for (const line of text.split(/[\r\n]+/)) {
        const match = /^(?:remote: )?([A-Za-z ]+):\s+(\d+)%/.exec(line.trim());
        if (match) options.onProgress(match[1], Number(match[2]));
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`git ${args.find((arg) => !arg.startsWith('-'))} failed: ${stderr.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/** Whether a usable git is installed. */
export function systemGitAvailable(gitBinary = 'git'): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(gitBinary, ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}
