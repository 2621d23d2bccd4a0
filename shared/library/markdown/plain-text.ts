// Markdown to the words a reader sees: the one place Markdown becomes plain text (headings, steps,
// checks, summaries, search snippets, a message for a chat box). Code spans are kept exactly, and
// identifiers stay whole: `pg_isready`, `__init__`, `/var/lib/pg_data/*.conf`, `a*b`.
// One forward scan with bounded lookups: this runs over the library's content, so no regular
// expression here may backtrack over it (docs/architecture.md, "Hostile content").
import { inlineLinks } from './markdown-links';

export interface PlainTextOptions {
  /** Keep the line breaks (a message for a chat box) instead of one line of single spaces (a title). */
  keepLines?: boolean;
  /** Write a link as "text (url)", for a text read where links do not work, instead of its text alone. */
  linkTargets?: boolean;
}

/** A character some mark starts with: block marks, links and autolinks, code spans, escapes, emphasis. */
const MARK_START = /[#>[<`\\*_~]/;

export function plainText(markdown: string, options: PlainTextOptions = {}): string {
  // Most headings and titles hold no mark at all: nothing to take out (this runs for every heading
  // of every file a sync reads, several times, and was a fifth of parsing a library).
  if (!MARK_START.test(markdown)) return options.keepLines ? markdown : markdown.replace(/\s+/g, ' ').trim();
  const unmarked = markdown.split('\n').map(withoutBlockMarks).join('\n');
  const text = withoutInlineMarks(withoutLinks(unmarked, options.linkTargets === true));
  return options.keepLines ? text : text.replace(/\s+/g, ' ').trim();
}

/** `# `, `## ` and `> ` at the start of a line: the heading or quote, not its words. */
function withoutBlockMarks(line: string): string {
  let index = 0;
  while (index < line.length && (line[index] === '#' || line[index] === '>')) index++;
  return index > 0 && (line[index] === ' ' || index === line.length) ? line.slice(index).trimStart() : line;
}

/** Each link replaced by its text (and its target when asked); one inside a code span is code, left alone. */
function withoutLinks(markdown: string, withTargets: boolean): string {
  const links = inlineLinks(markdown);
  if (!links.length) return markdown;
  const spans = codeSpans(markdown, backtickRuns(markdown));
  let span = 0;
  let out = '';
  let from = 0;
  for (const link of links) {
    while (span < spans.length && spans[span].end <= link.start) span++;
    if (span < spans.length && spans[span].start <= link.start) continue;
    const words = link.text === link.href || !link.text ? link.href : withTargets ? `${link.text} (${link.href})` : link.text;
    out += markdown.slice(from, link.start) + words;
    from = link.end;
  }
  return out + markdown.slice(from);
}

interface Run {
  start: number;
  length: number;
  /** Preceded by a backslash: it cannot open a code span. */
  escaped: boolean;
}

function backtickRuns(text: string): Run[] {
  const runs: Run[] = [];
  let index = text.indexOf('`');
  while (index !== -1) {
    let end = index;
    while (text[end] === '`') end++;
    runs.push({ start: index, length: end - index, escaped: index > 0 && text[index - 1] === '\\' });
    index = text.indexOf('`', end);
  }
  return runs;
}

interface Span {
  start: number;
  end: number;
  /** The code as shown: line breaks as spaces, one padding space each side dropped. */
  code: string;
}

/**
 * Code spans as CommonMark pairs them: a run of N backticks closes at the next run of exactly N.
 * The next run of each length is known in advance (one backward pass), so an unclosed run costs one lookup.
 */
function codeSpans(text: string, runs: Run[]): Span[] {
  const nextSame = new Int32Array(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index--) {
    nextSame[index] = lastOfLength.get(runs[index].length) ?? -1;
    lastOfLength.set(runs[index].length, index);
  }
  const spans: Span[] = [];
  let index = 0;
  while (index < runs.length) {
    const close = nextSame[index];
    if (runs[index].escaped || close === -1) {
      index++;
      continue;
    }
    const open = runs[index];
    let code = text.slice(open.start + open.length, runs[close].start).replace(/\r?\n/g, ' ');
    if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
    spans.push({ start: open.start, end: runs[close].start + runs[close].length, code });
    index = close + 1;
  }
  return spans;
}

const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const DELIMITERS = new Set(['*', '_', '~']);
/** Longer runs of `*`, `_` or `~` are read as text: no emphasis uses more than three. */
const LONGEST_DELIMITER = 3;

// ASCII first: these run for every mark in a text that may be half a megabyte of them.
const isSpace = (char: string | undefined) => char === undefined || char === ' ' || char === '\n' || char === '\t' || (char > '~' || char < ' ' ? /\s/.test(char) : false);
const isPunctuation = (char: string | undefined) => char !== undefined && (char <= '~' ? ASCII_PUNCTUATION.has(char) : /[\p{P}\p{S}]/u.test(char));

/**
 * Code spans as their code, escapes as the character escaped, and emphasis and strikethrough marks
 * dropped where they pair at word edges. A mark inside a word (`pg_isready`, `a*b`) is text, and
 * `_` pairs only around several words, so `__init__` and `_id_` stay as typed.
 */
function withoutInlineMarks(text: string): string {
  const spans = codeSpans(text, backtickRuns(text));
  const parts: string[] = [];
  const dropped = new Set<number>();
  // Open marks by character and length: each closing mark pairs with the latest of its kind.
  const open = new Map<string, { part: number; at: number }[]>();
  let lastSpace = -1;
  let span = 0;
  let from = 0;
  let index = 0;
  const flush = (to: number) => {
    if (to > from) parts.push(text.slice(from, to));
  };
  while (index < text.length) {
    const char = text[index];
    if (span < spans.length && spans[span].start === index) {
      flush(index);
      parts.push(spans[span].code);
      index = from = spans[span].end;
      span++;
      continue;
    }
    if (char === '\\' && ASCII_PUNCTUATION.has(text[index + 1])) {
      flush(index);
      parts.push(text[index + 1]);
      index = from = index + 2;
      continue;
    }
    if (!DELIMITERS.has(char)) {
      if (isSpace(char)) lastSpace = index;
      index++;
      continue;
    }
    let end = index;
    while (text[end] === char) end++;
    const before = index > 0 ? text[index - 1] : undefined;
    const after = text[end];
    flush(index);
    const part = parts.push(text.slice(index, end)) - 1;
    from = end;
    const length = end - index;
    if (length <= LONGEST_DELIMITER && !(char === '~' && length === 3)) {
      const key = char + length;
      const canOpen = !isSpace(after) && (isSpace(before) || isPunctuation(before));
      const canClose = !isSpace(before) && (isSpace(after) || isPunctuation(after));
      const stack = open.get(key);
      const opener = canClose ? stack?.at(-1) : undefined;
      if (opener && (char !== '_' || lastSpace > opener.at)) {
        stack!.pop();
        dropped.add(opener.part).add(part);
      } else if (canOpen) {
        if (stack) stack.push({ part, at: index });
        else open.set(key, [{ part, at: index }]);
      }
    }
    index = end;
  }
  flush(text.length);
  return dropped.size ? parts.filter((_, part) => !dropped.has(part)).join('') : parts.join('');
}
