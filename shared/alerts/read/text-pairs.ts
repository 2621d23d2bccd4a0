// The small pieces notification text is made of, each read in one pass with no regular
// expression over the text: `name=value` tokens (values may be double-quoted), and one label line
// of a template (` - namespace = payments`, `• *pod:* \`api-7f9c\``).

/** A Prometheus label name: a letter or `_`, then letters, digits and `_`. */
export function isLabelName(name: string): boolean {
  if (!name || name.length > 128) return false;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    if (!letter && (index === 0 || code < 48 || code > 57)) return false;
  }
  return true;
}

/** Words split at spaces and commas; a double-quoted stretch stays in its word, without its quotes. */
export function words(text: string): string[] {
  const found: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (const char of text) {
    if (char === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && (char === ' ' || char === ',' || char === '\t')) {
      if (started) found.push(word);
      word = '';
      started = false;
    } else {
      word += char;
      started = true;
    }
  }
  if (started) found.push(word);
  return found;
}

/** `name=value` as a pair, when the name is a label name. */
export function pairOf(word: string): [string, string] | undefined {
  const equals = word.indexOf('=');
  if (equals < 1) return undefined;
  const name = word.slice(0, equals);
  return isLabelName(name) ? [name, word.slice(equals + 1)] : undefined;
}

/** A template's label line: an optional bullet, a name, `=` or `:`, a value; markup around either removed. */
export function labelLine(line: string): [string, string] | undefined {
  // Markup is taken off the start only: a value may end in marks of its own (`ends with **bold**`).
  const text = stripStart(line, '-•*> \t').trimEnd();
  let separator = -1;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '=' || text[index] === ':') {
      separator = index;
      break;
    }
  }
  if (separator < 1) return undefined;
  const name = stripAround(text.slice(0, separator), '*_` \t');
  if (!isLabelName(name)) return undefined;
  // After the separator: the closing mark of a bold name (`*alertname:* X`), then blanks.
  const value = unwrapped(stripStart(text.slice(separator + 1), '* \t'));
  return [name, value];
}

function stripStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start += 1;
  return text.slice(start);
}

/** A value marked as a whole (`` `api` ``, `*api*`) without its marks; any other value as it is. */
function unwrapped(value: string): string {
  const mark = value[0];
  if (mark !== '`' && mark !== '*') return value;
  let run = 0;
  while (value[run] === mark) run += 1;
  const inner = value.slice(run, value.length - run);
  return value.length > 2 * run && value.endsWith(mark.repeat(run)) && inner[inner.length - 1] !== mark && !inner.includes(mark) ? inner : value;
}

/** The text without any of `chars` at either end. */
export function stripAround(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start += 1;
  while (end > start && chars.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}
