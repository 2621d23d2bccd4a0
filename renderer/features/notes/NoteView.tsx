import { useEffect } from 'react';
import { useLibraryStore, RunbookLinkList } from '../library';
import { useNoteStore } from './note-store';
import { NoteCard } from './NoteCard';

/** One admin note, found from the palette, with the runbooks it is about. */
export function NoteView({ id }: { id: string }) {
  const { shown, failed, load } = useNoteStore();
  const summaries = useLibraryStore((state) => state.summaries);
  useEffect(() => {
    void load(id);
  }, [id, load]);

  if (failed?.id === id) return <p className="empty" role="alert">The note “{id}” could not be read: {failed.reason}.</p>;
  if (shown?.id !== id) return <p className="loading">Opening…</p>;
  if (!shown.note) return <p className="empty">There is no note “{id}” in this library.</p>;
  const attached = shown.note.runbooks.map((runbookId) => summaries.find((summary) => summary.id === runbookId) ?? { id: runbookId, title: runbookId });
  return (
    <section className="note-page" aria-label="Admin note">
      <NoteCard note={shown.note} />
      {attached.length > 0 && (
        <nav aria-label="Runbooks this note is about">
          <h2>About these runbooks</h2>
          <RunbookLinkList runbooks={attached} />
        </nav>
      )}
    </section>
  );
}
