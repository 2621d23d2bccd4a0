import { useEffect, useState } from 'react';
import { NOTE_KINDS, type NoteKind } from '../../../shared/model';
import { noteOrder } from '../../../shared/notes/local-note';
import { writeNote } from '../../app/services/app-actions';
import { useLibraryStore } from '../library';
import { useNotesStore } from './notes-store';
import { NOTE_KIND_LABELS, NoteCard } from './NoteCard';

type Source = 'all' | 'local' | 'library';

/** Every note, the library's and this machine's, by kind (helpful first within each), with filters. */
export function NotesScreen() {
  const version = useLibraryStore((state) => state.meta?.version);
  const library = useNotesStore((state) => state.library);
  const local = useNotesStore((state) => state.local);
  const helpful = useNotesStore((state) => state.helpful);
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [tag, setTag] = useState('');
  const [source, setSource] = useState<Source>('all');
  useEffect(() => {
    void useNotesStore.getState().loadLibraryNotes();
  }, [version]);
  const live = local.filter((note) => !note.deletedAt);
  const all = [...(source === 'library' ? [] : live), ...(source === 'local' ? [] : library)].map((note) => ({ ...note, helpful: helpful.has(note.id) }));
  const tags = [...new Set([...live, ...library].flatMap((note) => note.tags))].sort();
  const shown = all.filter((note) => (!kind || note.kind === kind) && (!tag || note.tags.includes(tag)));
  // Deleted notes older than the restore window were dropped when the notes were read.
  const deleted = local.filter((note) => note.deletedAt);
  return (
    <section className="notes-screen" aria-labelledby="notes-title">
      <div className="library-toolbar">
        <h1 id="notes-title">Notes</h1>
        <label className="status-filter">
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as NoteKind | '')}>
            <option value="">all</option>
            {NOTE_KINDS.map((value) => (
              <option key={value} value={value}>
                {NOTE_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="status-filter">
          Tag
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">all</option>
            {tags.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        <label className="status-filter">
          From
          <select value={source} onChange={(event) => setSource(event.target.value as Source)}>
            <option value="all">the library and this machine</option>
            <option value="local">this machine (local)</option>
            <option value="library">the library</option>
          </select>
        </label>
        <span className="count">{shown.length} notes</span>
        <button type="button" className="primary" onClick={() => writeNote()}>
          Write a note
        </button>
      </div>
      {NOTE_KINDS.map((group) => {
        const notes = shown.filter((note) => note.kind === group).sort(noteOrder);
        return notes.length ? (
          <section key={group} aria-label={NOTE_KIND_LABELS[group]}>
            <h2>{NOTE_KIND_LABELS[group]}</h2>
            {notes.map((note) => (
              <NoteCard key={note.id} note={note} />
            ))}
          </section>
        ) : null;
      })}
      {shown.length === 0 && <p className="empty">No note matches these filters.</p>}
      {deleted.length > 0 && (
        <section aria-label="Recently deleted" className="deleted-notes">
          <h2>Recently deleted (restorable for 30 days)</h2>
          <ul>
            {deleted.map((note) => (
              <li key={note.id}>
                {note.title}{' '}
                <button type="button" onClick={() => void useNotesStore.getState().restore(note.id)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
