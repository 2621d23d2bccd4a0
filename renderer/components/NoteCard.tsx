import type { AdminNote } from '../../shared/model';
import { MarkdownView } from './MarkdownView';

export const NOTE_KIND_LABELS: Record<AdminNote['kind'], string> = {
  tip: 'Tip',
  warning: 'Warning',
  'best-practice': 'Best practice',
  'lesson-learned': 'Lesson learned',
};

export function NoteCard({ note }: { note: AdminNote }) {
  return (
    <article className={`note note-${note.kind}`} aria-label={note.title}>
      <header>
        <span className="note-kind">{NOTE_KIND_LABELS[note.kind]}</span>
        {note.pinned && <span className="note-pinned">Pinned</span>}
        <h3>{note.title}</h3>
      </header>
      <MarkdownView markdown={note.body} fromPath={note.path} />
    </article>
  );
}
