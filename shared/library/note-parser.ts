import { booleanField, listField, textField } from './front-matter-fields';
import { atxHeading, withoutTitleLine } from './markdown/markdown-blocks';
import { plainText } from './markdown/plain-text';
import { fileTitle, idFromPath } from './library-paths';
import { NOTE_KINDS, type AdminNote, type NoteKind } from '../model';
import { splitSections } from './markdown/runbook-sections';

export function parseNote(path: string, data: Record<string, unknown>, body: string): AdminNote {
  const kind = textField(data, 'kind')?.toLowerCase().replace(/[\s_]+/g, '-');
  const given = textField(data, 'title');
  const heading = splitSections(body).title;
  // The first line is the page's title when it is one: the note's title, or the same words again.
  const titleLine = given === undefined ? heading !== undefined && firstLineHeading(body) !== undefined : repeatsTitle(body, given);
  return {
    id: textField(data, 'id') ?? idFromPath(path),
    path,
    title: given ?? heading ?? fileTitle(path),
    kind: NOTE_KINDS.includes(kind as NoteKind) ? (kind as NoteKind) : 'tip',
    pinned: booleanField(data, 'pinned'),
    tags: listField(data, 'tags').map((tag) => tag.toLowerCase()),
    runbooks: listField(data, 'runbooks'),
    step: stepField(data),
    body: noteBody(titleLine ? withoutTitleLine(body) : body),
  };
}

/**
 * Whether a body's first line is a `# heading` saying `title` (as typed, or the same words once
 * Markdown is read): such a line repeats the title and is not part of the note's text.
 */
export function repeatsTitle(body: string, title: string): boolean {
  const heading = firstLineHeading(body);
  return heading !== undefined && (heading === title || plainText(heading) === plainText(title));
}

/** A note's text as kept: without the blank lines before it and the blanks after it (indentation of its first line stays: it may be code). */
export function noteBody(body: string): string {
  const lines = body.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  return first === -1 ? '' : lines.slice(first).join('\n').trimEnd();
}

/** The text of the first non-blank line when it is a level-1 heading. */
function firstLineHeading(body: string): string | undefined {
  const lines = body.split(/\r?\n/);
  const first = lines.find((line) => line.trim() !== '');
  const heading = first === undefined ? undefined : atxHeading(first);
  return heading?.level === 1 ? heading.text : undefined;
}

function stepField(data: Record<string, unknown>): number | undefined {
  const step = Number(textField(data, 'step'));
  return Number.isInteger(step) && step >= 1 && step <= 1000 ? step : undefined;
}
