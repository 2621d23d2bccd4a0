// Filling a message template. One pass over the body: a value that itself contains `{{x}}` is text,
// never filled again, and an empty field leaves a marked gap, never a silent raw placeholder.
import { plainText as markdownPlainText } from '../library/markdown/plain-text';
import type { TemplateField } from '../model';
import { cutAtPlaceholders, ownValue } from '../library/placeholders';

export type MessagePiece = { kind: 'text'; text: string } | { kind: 'field'; field: TemplateField; value: string; empty: boolean };

/** The body cut into text and its placeholders, each with its value. */
export function fillTemplate(body: string, fields: readonly TemplateField[], values: Readonly<Record<string, string>>): MessagePiece[] {
  const byName = new Map(fields.map((field) => [field.name, field]));
  return cutAtPlaceholders(body, (name) => byName.get(name)).map((cut): MessagePiece => {
    if ('text' in cut) return { kind: 'text', text: cut.text };
    const value = ownValue(values, cut.item.name) ?? '';
    return { kind: 'field', field: cut.item, value, empty: !value.trim() };
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
