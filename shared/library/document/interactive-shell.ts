// A command that opens an interactive shell (psql with no -c, `manage.py dbshell`, redis-cli with
// no command, ssh to a host with no command, `docker exec -it … bash`) stops there when pasted:
// the lines after it in the same block are typed inside that shell, not run by the one pasted in.
// The run screen and the page say so beside Copy. Linear scans of each line; nothing throws.

export interface InteractiveShell {
  /** The line (from 0) of the command that opens it. */
  line: number;
  /** What it opens, as a responder would say it: `psql`, `manage.py dbshell`, `ssh`, `bash in a container`. */
  tool: string;
  /** Lines follow it in the block: pasted together, they go into the shell. */
  linesAfter: boolean;
}

/** The first line of a command block that opens an interactive shell, or undefined. */
export function interactiveShell(block: string): InteractiveShell | undefined {
  const lines = block.split(/\r?\n/);
  for (let line = 0; line < lines.length && line < 2000; line++) {
    const tool = interactiveTool(lines[line].slice(0, 4000));
    if (tool) return { line, tool, linesAfter: lines.slice(line + 1).some((rest) => rest.trim() !== '') };
  }
  return undefined;
}

/** The interactive shell one command line opens, or undefined. */
export function interactiveTool(commandLine: string): string | undefined {
  let text = commandLine.trim();
  if (text.startsWith('$ ')) text = text.slice(2);
  if (text.startsWith('#') || text.endsWith('\\')) return undefined;
  // A heredoc or a file fed in: the shell reads that, not the keyboard.
  if (text.includes('<<') || text.includes(' < ')) return undefined;
  for (const segment of segments(text)) {
    // Fed by a pipe (`gunzip < dump | psql db`), it reads the pipe, not the keyboard.
    const tool = segment.fedByPipe ? undefined : toolOf(words(segment.text));
    if (tool) return tool;
  }
  return undefined;
}

/** The commands of a line, cut at `|`, `||`, `&&` and `;`, each saying whether a pipe feeds it. */
function segments(text: string): { text: string; fedByPipe: boolean }[] {
  const found: { text: string; fedByPipe: boolean }[] = [];
  let start = 0;
  let fedByPipe = false;
  let quote = '';
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === ';' || (char === '&' && text[at + 1] === '&') || char === '|') {
      found.push({ text: text.slice(start, at), fedByPipe });
      const double = text[at + 1] === char;
      fedByPipe = char === '|' && !double;
      at += double ? 1 : 0;
      start = at + 1;
    }
  }
  found.push({ text: text.slice(start), fedByPipe });
  return found;
}

function words(text: string): string[] {
  return text.split(/[ \t]+/).filter(Boolean);
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'ash', 'fish']);
const SQL_COMMAND_FLAGS = new Set(['-c', '--command', '-f', '--file', '-e', '--execute', '--eval', '-l', '--list', '--version', '--help']);
/** redis-cli options that take a value, and its modes that run and exit. */
const REDIS_VALUE_FLAGS = new Set(['-h', '-p', '-a', '-n', '-u', '-s', '-r', '-i', '--user', '--pass', '--askpass', '--cacert', '--cert', '--key', '--sni']);
const REDIS_MODES = new Set(['--scan', '--bigkeys', '--memkeys', '--hotkeys', '--stat', '--latency', '--latency-history', '--rdb', '--pipe', '-x', '--eval', '--version', '--help']);
/** ssh options that take a value. */
const SSH_VALUE_FLAGS = new Set(['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w']);

function base(word: string): string {
  const slash = word.lastIndexOf('/');
  return (slash >= 0 ? word.slice(slash + 1) : word).toLowerCase();
}

function toolOf(list: string[]): string | undefined {
  const execAt = list.findIndex((word) => word === 'exec');
  for (let index = 0; index < list.length; index++) {
    const name = base(list[index]);
    const rest = list.slice(index + 1);
    const flag = (names: Set<string>) => rest.some((word) => names.has(word) || names.has(word.split('=')[0]));
    if (name === 'psql' || name === 'mysql' || name === 'mongo' || name === 'mongosh' || name === 'sqlite3') {
      if (flag(SQL_COMMAND_FLAGS) || rest.some((word) => word.endsWith('.js') || word.endsWith('.sql'))) return undefined;
      return name;
    }
    if (name === 'manage.py' && (rest[0] === 'dbshell' || rest[0] === 'shell')) {
      return rest[0] === 'shell' && rest.some((word) => word === '-c' || word.startsWith('--command')) ? undefined : `manage.py ${rest[0]}`;
    }
    if (name === 'redis-cli') return redisInteractive(rest) ? 'redis-cli' : undefined;
    if (name === 'ssh') return sshInteractive(rest) ? 'ssh' : undefined;
    // A shell run by `docker exec -it`, `kubectl exec -it … --`: the one typed into.
    if (SHELLS.has(name) && execAt >= 0 && execAt < index && !rest.includes('-c')) return `${name} in a container`;
  }
  return undefined;
}

function redisInteractive(rest: string[]): boolean {
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index];
    if (REDIS_MODES.has(word)) return false;
    if (REDIS_VALUE_FLAGS.has(word)) index++;
    else if (!word.startsWith('-')) return false; // a command: it runs and exits
  }
  return true;
}

function sshInteractive(rest: string[]): boolean {
  let host = false;
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index];
    if (!host && word.startsWith('-')) {
      if (word.includes('N')) return false; // no command at all: a tunnel, not a shell
      if (SSH_VALUE_FLAGS.has(word)) index++;
      continue;
    }
    if (host) return false; // a command after the host: it runs and exits
    host = true;
  }
  return host;
}

/** What a responder is told when such a block is copied. */
export function interactiveShellWords(shell: InteractiveShell): string {
  return shell.linesAfter ? `It opens an interactive shell (${shell.tool}): the lines after it are typed inside it.` : `It opens an interactive shell (${shell.tool}).`;
}
