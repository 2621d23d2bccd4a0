// Filling a message template. One pass over the body: a value that itself contains `{{x}}` is text,
// never filled again, and an empty field leaves a marked gap, never a silent raw placeholder.
import { plainText as markdownPlainText } from '../library/markdown/plain-text';
import type { TemplateField } from '../model';
import { cutAtPlaceholders, ownValue } from '../library/placeholders';

export type MessagePiece = { kind: 'text'; text: string } | { kind: 'field'; field: TemplateField; value: string; empty: boolean };

/** Sentence ends a responder types at the end of a value that the template may write again right after it. */
const SENTENCE_ENDS = new Set(['.', '!', '?']);

/** The body cut into text and its placeholders, each with its value. */
export function fillTemplate(body: string, fields: readonly TemplateField[], values: Readonly<Record<string, string>>): MessagePiece[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const pieces = cutAtPlaceholders(body, (name) => byName.get(name)).map((cut): MessagePiece => {
    if ('text' in cut) return { kind: 'text', text: cut.text };
    const value = ownValue(values, cut.item.name) ?? '';
    return { kind: 'field', field: cut.item, value, empty: !value.trim() };
  });
  return pieces.map((piece, index) => {
    const before = pieces[index - 1];
    if (piece.kind !== 'text' || before?.kind !== 'field' || before.empty) return piece;
    // "{{impact}}." filled with "payments fail." reads "payments fail." once, never "fail..".
    const end = before.value.trimEnd().slice(-1);
    return SENTENCE_ENDS.has(end) && piece.text.startsWith(end) ? { kind: 'text', text: piece.text.slice(1) } : piece;
  });
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
 * The same message as plain text for a chat box or an SMS: marks dropped, headings and quotes
 * unmarked, code and identifiers as typed, links written as "text (url)".
 */
export function plainText(markdown: string): string {
  return markdownPlainText(markdown, { keepLines: true, linkTargets: true });
}
