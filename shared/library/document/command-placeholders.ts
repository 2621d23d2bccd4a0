// Placeholders as teams write them in commands, beside the declared `{{name}}`:
//   `<name>`      `git checkout <previous-commit-hash>`: `<`, a letter, letters/digits/`_`/`-`, `>`
//                 with nothing between; not after a letter, digit or `<` (`List<T>`, `<<EOF`) but for
//                 a version's lone `v` (`v<version>`), not an HTML tag (`<br>`), so `< file`,
//                 `<(cmd)`, `a < b` and heredocs stay shell.
//   `${NAME}`     exactly a name in braces; `${NAME:-default}`, `${#NAME}`, `${NAME%.*}` are shell.
//   `$NAME`       all capitals, digits and `_`, at least two characters, ending at a non-name
//                 character; never a well-known variable of the shell or the environment (`$HOME`,
//                 `$PATH`, awk's `$NF`), nor `$1`, `$?`, `$$`, `$(…)`, nor an escaped `\$NAME`.
//   `YOUR_…`      `YOUR_API_KEY`, `your-domain`, as a whole word; glued, only with a word of
//                 GLUED_NOUNS (`api.yourdomain.com`, `yourusername`): `yourself` stays a word.
// Go templates (`{{.Status}}`, `{{ $x := .Items }}`) are skipped whole. One linear scan: every
// look-ahead is bounded by the longest name, and each `{{` span is passed once.

export type PlaceholderForm = 'angle' | 'brace' | 'dollar' | 'your';

export interface CommandPlaceholder {
  /** Where it starts and ends (exclusive) in the command. */
  from: number;
  to: number;
  /** The name it is filled by: `previous-commit-hash`, `NAMESPACE`, `YOUR_API_KEY`. */
  name: string;
  form: PlaceholderForm;
}

const LONGEST_NAME = 64;

/** Variables the shell or the environment already holds: `$HOME` is never something to fill in. */
const WELL_KNOWN = new Set(
  ('HOME PATH USER USERNAME PWD OLDPWD SHELL HOSTNAME HOST LANG LANGUAGE TERM TMPDIR TEMP TMP EDITOR VISUAL PAGER LOGNAME ' +
    'UID EUID GID PPID RANDOM SECONDS LINENO IFS PS1 PS2 PS3 PS4 BASH BASHPID OPTARG OPTIND REPLY PIPESTATUS SHLVL FUNCNAME ' +
    'DISPLAY MAIL CDPATH HISTFILE KUBECONFIG GOPATH GOROOT JAVA_HOME NODE_ENV CI NF NR FNR FS OFS RS ORS').split(' '),
);
const WELL_KNOWN_PREFIXES = ['BASH_', 'XDG_', 'LC_', 'SSH_', 'GITHUB_', 'RUNNER_'];

/** Elements an HTML-ish line may hold: `<br>` is markup, not a placeholder. */
const HTML_TAGS = new Set('a abbr b br code dd details div dl dt em hr i img kbd li ol p pre s small span strong sub summary sup table tbody td th thead tr u ul'.split(' '));

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isUpper = (code: number) => code >= 65 && code <= 90;
const isWordChar = (code: number) => isLetter(code) || isDigit(code) || code === 95; // _
const isNameChar = (code: number) => isWordChar(code) || code === 45; // -

/** True for a `$NAME` or `${NAME}` name that is clearly something to fill in. */
export function isShellPlaceholderName(name: string): boolean {
  if (name.length < 2 || name.length > LONGEST_NAME || !isUpper(name.charCodeAt(0))) return false;
  for (let at = 0; at < name.length; at++) {
    const code = name.charCodeAt(at);
    if (!isUpper(code) && !isDigit(code) && code !== 95) return false;
  }
  return !WELL_KNOWN.has(name) && !WELL_KNOWN_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The end (exclusive) of a run of characters from `from` passing `accept`, or -1 past the longest name. */
function runEnd(text: string, from: number, accept: (code: number) => boolean): number {
  let at = from;
  while (at < text.length && accept(text.charCodeAt(at))) {
    if (at - from >= LONGEST_NAME) return -1;
    at++;
  }
  return at;
}

function angleAt(text: string, at: number): CommandPlaceholder | undefined {
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  // After a word it is a type (`List<String>`), except a version's lone `v` (`git tag v<version>`).
  const versionMark = before === 118 && (at < 2 || !isWordChar(text.charCodeAt(at - 2)));
  if ((isWordChar(before) && !versionMark) || before === 60 || !isLetter(text.charCodeAt(at + 1))) return undefined;
  const end = runEnd(text, at + 1, isNameChar);
  if (end === -1 || text.charCodeAt(end) !== 62) return undefined; // >
  const name = text.slice(at + 1, end);
  return HTML_TAGS.has(name.toLowerCase()) ? undefined : { from: at, to: end + 1, name, form: 'angle' };
}

function dollarAt(text: string, at: number): CommandPlaceholder | undefined {
  if (at > 0 && text.charCodeAt(at - 1) === 92) return undefined; // \$ is a literal dollar
  const braced = text.charCodeAt(at + 1) === 123; // {
  const start = at + (braced ? 2 : 1);
  const end = runEnd(text, start, isWordChar);
  if (end === -1 || end === start) return undefined;
  const name = text.slice(start, end);
  if (!isShellPlaceholderName(name)) return undefined;
  if (braced) return text.charCodeAt(end) === 125 ? { from: at, to: end + 1, name, form: 'brace' } : undefined;
  return { from: at, to: end, name, form: 'dollar' };
}

/** What follows a glued `your` in a placeholder teams write (`yourdomain.com`, `yourusername`). */
const GLUED_NOUNS = ['domain', 'company', 'org', 'organization', 'username', 'user', 'password', 'token', 'host', 'hostname', 'server', 'project', 'app', 'bucket', 'cluster', 'namespace', 'email', 'repo', 'team', 'registry', 'region', 'account', 'service', 'database', 'site', 'key'];

function yourAt(text: string, at: number): CommandPlaceholder | undefined {
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (isWordChar(before) || before === 45 || before === 36) return undefined; // part of a longer word, or $YOUR_X
  if (text.startsWith('your', at) && !text.startsWith('your_', at) && !text.startsWith('your-', at)) return gluedYourAt(text, at);
  const upper = text.startsWith('YOUR_', at);
  if (!upper && !text.startsWith('your_', at) && !text.startsWith('your-', at)) return undefined;
  const accept = upper ? (code: number) => isUpper(code) || isDigit(code) || code === 95 : (code: number) => (code >= 97 && code <= 122) || isDigit(code) || code === 95 || code === 45;
  const end = runEnd(text, at + 5, accept);
  if (end === -1 || end === at + 5 || isWordChar(text.charCodeAt(end))) return undefined;
  // `your-domain-` ends at the word, not at a dangling dash.
  let last = end;
  while (text.charCodeAt(last - 1) === 45 || text.charCodeAt(last - 1) === 95) last--;
  return last > at + 5 ? { from: at, to: last, name: text.slice(at, last), form: 'your' } : undefined;
}

/** Ends of a made-up domain: `yourdomain.com` is one blank, filled with a whole domain. */
const TOP_LEVELS = ['com', 'org', 'net', 'io', 'dev', 'co', 'edu', 'app', 'local', 'internal'];

/** `yourdomain`: `your` and one of GLUED_NOUNS, the whole word (letters and digits only), with its `.com` if it has one. */
function gluedYourAt(text: string, at: number): CommandPlaceholder | undefined {
  const end = runEnd(text, at + 4, (code) => (code >= 97 && code <= 122) || isDigit(code));
  if (end === -1 || isWordChar(text.charCodeAt(end))) return undefined;
  if (!GLUED_NOUNS.includes(text.slice(at + 4, end))) return undefined;
  // "api.yourdomain.com" filled with "lms.example.edu" read "api.lms.example.edu.com" when the
  // blank stopped before its ".com".
  const top = text.charCodeAt(end) === 46 ? TOP_LEVELS.find((name) => text.startsWith(name, end + 1) && !isWordChar(text.charCodeAt(end + 1 + name.length)) && text.charCodeAt(end + 1 + name.length) !== 46) : undefined;
  const to = top ? end + 1 + top.length : end;
  return { from: at, to, name: text.slice(at, to), form: 'your' };
}

/** Every placeholder of a command, in order, without overlaps. */
export function commandPlaceholders(command: string): CommandPlaceholder[] {
  const found: CommandPlaceholder[] = [];
  let templatesClosed = true; // false once a `{{` has no `}}` after it: there is none further either
  let at = 0;
  while (at < command.length) {
    const code = command.charCodeAt(at);
    if (code === 123 && command.charCodeAt(at + 1) === 123 && templatesClosed) {
      const close = command.indexOf('}}', at + 2);
      if (close === -1) templatesClosed = false;
      else {
        at = close + 2;
        continue;
      }
    }
    const placeholder = code === 60 ? angleAt(command, at) : code === 36 ? dollarAt(command, at) : code === 89 || code === 121 ? yourAt(command, at) : undefined;
    if (placeholder) {
      found.push(placeholder);
      at = placeholder.to;
    } else at++;
  }
  return found;
}

/**
 * The placeholders a command copied as written still holds, each once as written
 * (`<previous-commit-hash>`), leaving out the variables the command sets itself: what the responder
 * must replace before the pasted command runs.
 */
export function placeholdersToReplace(command: string): string[] {
  const assigned = assignedNames([command]);
  const written = commandPlaceholders(command).flatMap((found) => (assigned.has(found.name) ? [] : [command.slice(found.from, found.to)]));
  return [...new Set(written)];
}

/** Words after which the shell names a variable it sets: `read -r NAME`, `export NAME=…`, `for NAME in`. */
const SETTERS = new Set(['read', 'export', 'local', 'declare', 'readonly', 'typeset', 'for']);
const isSeparator = (code: number) => code === 59 || code === 124 || code === 38 || code === 10 || code === 40 || code === 41; // ; | & newline ( )
const isBlank = (code: number) => code === 32 || code === 9 || code === 13;

/**
 * Names a runbook's own commands give a value (`NAME=…`, `export NAME=…`, `read NAME`, `for NAME in`):
 * `$NAME` after those is the script's variable, not a blank to fill. A linear pass over each command.
 */
export function assignedNames(commands: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const command of commands) {
    let setter = '';
    let start = -1;
    for (let at = 0; at <= command.length; at++) {
      const code = at < command.length ? command.charCodeAt(at) : 10;
      if (!isBlank(code) && !isSeparator(code)) {
        if (start === -1) start = at;
        continue;
      }
      if (start !== -1) {
        const token = command.slice(start, at);
        const equals = token.indexOf('=');
        const name = equals === -1 ? token : token.slice(0, equals);
        const isName = name.length > 0 && name.length <= LONGEST_NAME && [...name].every((char) => isWordChar(char.charCodeAt(0))) && !isDigit(name.charCodeAt(0));
        if (isName && (equals > 0 || setter)) names.add(name);
        if (SETTERS.has(token)) setter = token;
        else if (setter === 'for' || (!token.startsWith('-') && !isName)) setter = '';
        start = -1;
      }
      if (isSeparator(code)) setter = '';
    }
  }
  return names;
}

/** Short words a responder reads in capitals. */
const ACRONYMS = new Set(['api', 'arn', 'aws', 'cpu', 'db', 'dns', 'gcp', 'http', 'https', 'id', 'ip', 'k8s', 'pr', 's3', 'sha', 'sql', 'ssh', 'tls', 'url', 'uri', 'vm', 'vpc']);

/** A label for a placeholder nobody declared: `previous-commit-hash` reads "Previous commit hash", `YOUR_API_KEY` "API key". */
export function labelFromName(name: string): string {
  const glued = /^your([a-z]+)(?:\.[a-z]+)?$/.exec(name);
  const words = (glued && GLUED_NOUNS.includes(glued[1]) ? glued[1] : name.replace(/^your[-_]/i, '')).split(/[-_]+/).filter(Boolean).map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ') || name;
  return text[0].toUpperCase() + text.slice(1);
}

/** Names that hold a password or a token: filled into the copy, never recorded. */
export function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  return ['password', 'passwd', 'secret', 'token', 'api-key', 'api_key', 'apikey', 'private-key', 'private_key'].some((word) => lower.includes(word));
}
