// Text typed by a responder, written into Markdown so that it renders as typed: no mark of theirs
// becomes emphasis, a link, a table border or HTML (`<script>` stays words on the page).

// Only what could mean something is escaped, with a backslash (CommonMark allows one before any
// ASCII punctuation): the raw text is pasted into chats and tickets that show no Markdown, where
// every needless backslash is noise in a responder's words (`-\>`, `\&`, `\#3`).
/**
 * Marks that can mean something anywhere in a line. For links, see `closesLink`; `[` and `!` need
 * nothing then. For `~`, see `mayCloseStrike`.
 */
const MEANINGFUL = new Set(['\\', '`', '*', '_', '<', '|']);
/** Marks that mean something only where the line starts: a heading, a quote. */
const AT_START = new Set(['#', '>']);
/** A character reference (`&amp;`, `&#65;`, `&#x41;`): an `&` that starts one is escaped, any other is text. Bounded: no backtracking. */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * One line of text for a Markdown paragraph, heading, list item or table cell. Line breaks become
 * spaces; an underscore inside a word (`pg_isready`) is left bare, as CommonMark never reads it as emphasis.
 */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text);
  const start = line.length - line.trimStart().length;
  const marked: boolean[] = [];
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    const inWord = char === '_' && index > 0 && WORD_CHAR.test(line[index - 1]) && index + 1 < line.length && WORD_CHAR.test(line[index + 1]);
    marked.push((MEANINGFUL.has(char) && !inWord) || (index === start && AT_START.has(char)) || (char === '&' && startsEntity(line, index)) || closesLink(line, index) || mayCloseStrike(line, index));
  }
  const dirty = dirtyWords(line, marked);
  let out = '';
  for (let index = 0; index < line.length; index++) {
    const escaped = marked[index] || (startsAutolink(line, index) && dirty[index]);
    out += escaped ? `\\${line[index]}` : line[index];
  }
  return out;
}

/**
 * A `~` that could close a strikethrough: any not preceded, in this text, by a blank (GFM's closing
 * run must follow something). With no closer left unescaped anywhere, nothing is struck through,
 * whatever another text on the line holds, and `(was ~4000)` stays as typed.
 */
function mayCloseStrike(line: string, index: number): boolean {
  return line[index] === '~' && (index === 0 || !/\s/.test(line[index - 1]));
}

/** Line breaks, with the blanks around them, as one space; linear on any text (no backtracking pattern). */
export function oneLine(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  const parts = text.split(/\r\n|\r|\n/);
  const last = parts.length - 1;
  return parts
    .map((part, index) => (index < last ? part.trimEnd() : part))
    .map((part, index) => (index > 0 ? part.trimStart() : part))
    .filter((part, index) => part !== '' || index === 0 || index === last)
    .join(' ');
}

/**
 * A link, an image, a reference or a definition needs a `]` right before `(`, `[` or `:`. That `]`
 * is escaped, and one that ends the text too (the export writes `: ` or `(` after some texts), so
 * no link is ever closed and no definition exists: a `[` needs nothing, and `[P0] Investigating`
 * stays as typed instead of `\[P0]`. Escaping the `[` instead could not work: a text is escaped
 * alone, and the `](` may come in another text written on the same line.
 */
function closesLink(line: string, index: number): boolean {
  if (line[index] !== ']') return false;
  const next = line[index + 1];
  return next === undefined || next === '(' || next === '[' || next === ':';
}

function startsEntity(line: string, index: number): boolean {
  ENTITY.lastIndex = index;
  return ENTITY.test(line);
}

/**
 * For each place: whether its word (the run between blanks) holds anything escaped. GFM turns
 * `http://…` and `www.…` into links that run to the next blank, taking the backslashes of the
 * escapes in them as text: such a link's `:` or `.` is escaped, and it stays words like the rest.
 * A link with nothing to escape is left to be one (`runbook_url: https://wiki…` was written
 * `https\://`, broken when pasted raw): its text is exactly what was typed. Two passes, linear.
 */
function dirtyWords(line: string, marked: readonly boolean[]): boolean[] {
  const dirty = new Array<boolean>(line.length).fill(false);
  let from = 0;
  for (let index = 0; index <= line.length; index++) {
    if (index < line.length && !/\s/.test(line[index])) continue;
    let any = false;
    for (let at = from; at < index; at++) any ||= marked[at];
    if (any) dirty.fill(true, from, index);
    from = index + 1;
  }
  return dirty;
}

function startsAutolink(line: string, index: number): boolean {
  if (line[index] === ':') return line.startsWith('//', index + 1);
  return line[index] === '.' && index >= 3 && line.slice(index - 3, index).toLowerCase() === 'www';
}

/** Inline code that holds any backticks: delimited by a longer run, padded when it starts or ends with one. */
export function inlineCode(text: string): string {
  const code = text.replace(/\r\n?|\n/g, ' ');
  const ticks = '`'.repeat(longestBacktickRun(code) + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

export function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
