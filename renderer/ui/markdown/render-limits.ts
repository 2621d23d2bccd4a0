// Limits on what is handed to the Markdown renderer. micromark is correct but not linear on every
// input: 8,000 `*` in one paragraph take a second, a list nested 700 deep nine seconds, 6,000 block
// quotes in one document six seconds, and React needs time per element. So a runbook is rendered
// in pieces of a few kilobytes cut where a top-level block starts, and past these limits the text
// is still all there, shown as plain text.
import { fencedLines } from '../../../shared/library/markdown/markdown-blocks';

/** Markdown rendered as such; the rest of a longer runbook is shown as plain text. Real runbooks are 2 to 30 KB. */
export const MAX_RENDERED_CHARS = 32 * 1024;
/** Emphasis and bracket marks in one block (a paragraph, a list, a table) before it is shown as plain text. */
export const MAX_MARKS_PER_BLOCK = 1_000;
/** Quote and list markers, and indentation, opening one line. */
export const MAX_LINE_NESTING = 32;
/** A piece handed to the renderer grows to about this size before the next top-level block starts a new one. */
export const PIECE_CHARS = 1024;

export type RenderPart = { kind: 'markdown'; text: string } | { kind: 'plain'; text: string; reason: string };

/** Splits Markdown into parts to render and parts to show as plain text, in one linear pass. */
export function renderParts(markdown: string): RenderPart[] {
  const lines = markdown.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const parts: RenderPart[] = [];
  let rendered = 0;
  let block: string[] = [];
  let blockFenced = false;
  // Neighbouring parts of one kind (and reason) join, up to a piece's size for Markdown; a new piece
  // starts only at a block that begins in the first column, so no list item or quote is cut in two.
  const push = (part: RenderPart) => {
    const last = parts[parts.length - 1];
    const joins =
      last?.kind === part.kind &&
      (part.kind === 'plain' ? last.kind === 'plain' && last.reason === part.reason : last.text.length < PIECE_CHARS || /^[ \t]/.test(part.text.replace(/^\n+/, '')));
    if (joins) last.text += `\n${part.text}`;
    else parts.push(part);
  };
  const flush = () => {
    if (!block.length) return;
    const text = block.join('\n');
    block = [];
    if (rendered + text.length > MAX_RENDERED_CHARS) {
      rendered = Infinity;
      push({ kind: 'plain', text, reason: `This runbook is longer than ${MAX_RENDERED_CHARS / 1024} KB; the rest is shown as plain text.` });
    } else if (!blockFenced && (marksIn(text) > MAX_MARKS_PER_BLOCK || nestedTooDeep(text))) {
      push({ kind: 'plain', text, reason: 'This part repeats or nests Markdown marks beyond what Failsafe renders; it is shown as plain text.' });
    } else {
      rendered += text.length;
      push({ kind: 'markdown', text });
    }
  };
  lines.forEach((line, index) => {
    // Blocks end at a blank line outside a fence, or where a fence starts or ends, so a code block is never cut.
    if (fenced[index] !== blockFenced || (!fenced[index] && line.trim() === '')) flush();
    blockFenced = fenced[index];
    block.push(line);
  });
  flush();
  return parts;
}

function marksIn(text: string): number {
  let marks = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    // * _ [ ] < ` ~
    if (char === 42 || char === 95 || char === 91 || char === 93 || char === 60 || char === 96 || char === 126) marks++;
  }
  return marks;
}

function nestedTooDeep(text: string): boolean {
  let depth = 0;
  let atLineStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') {
      depth = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart) continue;
    if (char === ' ' || char === '\t') depth += char === '\t' ? 2 : 0.5;
    else if (char === '>' || ((char === '-' || char === '*' || char === '+') && (text[index + 1] === ' ' || text[index + 1] === '\t'))) depth++;
    else if (!(char >= '0' && char <= '9') && char !== '.' && char !== ')') atLineStart = false;
    if (depth > MAX_LINE_NESTING) return true;
  }
  return false;
}
