// A note as a file for the library's notes/ folder, ready to commit: the same front matter the
// parser reads, so the file lints clean and parses back into the same note.
import { stringify } from 'yaml';
import { noteBody, repeatsTitle } from '../library/note-parser';
import type { AdminNote } from '../model';

/** `<slug>.md`: the file name a team would give it in notes/. */
export function noteFileName(note: Pick<AdminNote, 'title'>): string {
  const slug = note.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'note'}.md`;
}

export function noteFile(note: Pick<AdminNote, 'title' | 'kind' | 'pinned' | 'tags' | 'runbooks' | 'step' | 'body'>): string {
  const data: Record<string, unknown> = { title: note.title, kind: note.kind };
  if (note.pinned) data.pinned = true;
  if (note.tags.length) data.tags = note.tags;
  if (note.runbooks.length) data.runbooks = note.runbooks;
  if (note.step !== undefined) data.step = note.step;
  const body = noteBody(note.body);
  // A body opening with its own title as a heading would lose that line when read (the parser takes
  // it for the page's title): the title line is written first, closed by ` #` so it reads exactly as the title.
  const titleLine = repeatsTitle(body, note.title) ? `# ${note.title} #\n\n` : '';
  return `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n${titleLine}${body}\n`;
}
