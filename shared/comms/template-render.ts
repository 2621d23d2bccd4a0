// Filling a message template. One pass over the body: a value that itself contains `{{x}}` is text,
// never filled again, and an empty field leaves a marked gap, never a silent raw placeholder.
import { inlineLinks } from '../markdown-links';
import type { TemplateField } from '../model';

export type MessagePiece = { kind: 'text'; text: string } | { kind: 'field'; field: TemplateField; value: string; empty: boolean };

const PLACEHOLDER_LIMIT = 2 + 64 + 16;

/** The body cut into text and its placeholders (`{{name}}`, `{{ name }}`), each with its value. Linear. */
export function fillTemplate(body: string, fields: readonly TemplateField[], values: Readonly<Record<string, string>>): MessagePiece[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const pieces: MessagePiece[] = [];
  let textStart = 0;
  let close = body.indexOf('}}');
  while (close !== -1) {
    const windowStart = Math.max(textStart, close - PLACEHOLDER_LIMIT);
    const open = body.slice(windowStart, close).lastIndexOf('{{');
    const field = open === -1 ? undefined : byName.get(body.slice(windowStart + open + 2, close).trim());
    if (field) {
      const at = windowStart + open;
      if (at > textStart) pieces.push({ kind: 'text', text: body.slice(textStart, at) });
      const value = values[field.name] ?? '';
      pieces.push({ kind: 'field', field, value, empty: !value.trim() });
      textStart = close + 2;
    }
    close = body.indexOf('}}', close + 2);
  }
  if (textStart < body.length) pieces.push({ kind: 'text', text: body.slice(textStart) });
  return pieces;
}

/** The fields left empty, by label, each once. */
export function emptyFields(pieces: readonly MessagePiece[]): TemplateField[] {
  const seen = new Map<string, TemplateField>();
  for (const piece of pieces) if (piece.kind === 'field' && piece.empty) seen.set(piece.field.name, piece.field);
  return [...seen.values()];
}

/** The message as Markdown; an empty field (only after the responder agreed to send it so) reads `[Label]`. */
export function messageMarkdown(pieces: readonly MessagePiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.empty ? `[${piece.field.label}]` : piece.value)).join('');
}

/**
 * The same message as plain text for a chat box or an SMS: emphasis marks dropped, headings and quotes
 * unmarked, links written as "text (url)". Linear scans only: the body is the library's content.
 */
export function plainText(markdown: string): string {
  const withLinks = replaceLinks(markdown);
  return withLinks
    .split('\n')
    .map((line) => stripLineMarks(line).split('**').join('').split('__').join(''))
    .join('\n');
}

function stripLineMarks(line: string): string {
  let index = 0;
  while (index < line.length && (line[index] === '#' || line[index] === '>')) index++;
  return index > 0 && (line[index] === ' ' || index === line.length) ? line.slice(index).trimStart() : line;
}

function replaceLinks(markdown: string): string {
  const links = inlineLinks(markdown);
  if (!links.length) return markdown;
  let out = '';
  let from = 0;
  for (const link of links) {
    out += markdown.slice(from, link.start) + (link.text === link.href ? link.href : `${link.text} (${link.href})`);
    from = link.end;
  }
  return out + markdown.slice(from);
}
