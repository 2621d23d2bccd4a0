import { booleanField, listField, textField } from './front-matter-fields';
import { withoutTitleLine } from './markdown/markdown-blocks';
import { fileTitle, idFromPath } from './library-paths';
import { NOTE_KINDS, type AdminNote, type NoteKind } from '../model';
import { splitSections } from './markdown/runbook-sections';

export function parseNote(path: string, data: Record<string, unknown>, body: string): AdminNote {
  const kind = textField(data, 'kind')?.toLowerCase().replace(/[\s_]+/g, '-');
  const heading = splitSections(body).title;
  return {
    id: textField(data, 'id') ?? idFromPath(path),
    path,
    title: textField(data, 'title') ?? heading ?? fileTitle(path),
    kind: NOTE_KINDS.includes(kind as NoteKind) ? (kind as NoteKind) : 'tip',
    pinned: booleanField(data, 'pinned'),
    tags: listField(data, 'tags').map((tag) => tag.toLowerCase()),
    runbooks: listField(data, 'runbooks'),
    step: stepField(data),
    body: (heading ? withoutTitleLine(body) : body).trim(),
  };
}

function stepField(data: Record<string, unknown>): number | undefined {
  const step = Number(textField(data, 'step'));
  return Number.isInteger(step) && step >= 1 && step <= 1000 ? step : undefined;
}
