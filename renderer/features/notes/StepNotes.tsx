import { useEffect, useState } from 'react';
import type { AdminNote } from '../../../shared/model';
import { noteOrder } from '../../../shared/notes/local-note';
import { useNotesStore } from './notes-store';
import { readNotesOf } from './runbook-notes';
import { NoteCard } from './NoteCard';

/** The notes about one step of a runbook, the library's and this machine's, shown on that step during a run. */
export function StepNotes({ runbookId, step }: { runbookId: string; step: number }) {
  const local = useNotesStore((state) => state.local);
  const [library, setLibrary] = useState<AdminNote[]>([]);
  useEffect(() => {
    let cancelled = false;
    void readNotesOf(runbookId).then((notes) => !cancelled && setLibrary(notes));
    return () => {
      cancelled = true;
    };
  }, [runbookId]);
  const onStep = [...local.filter((note) => !note.deletedAt), ...library].filter((note) => note.runbooks[0] === runbookId && note.step === step).sort(noteOrder);
  if (!onStep.length) return null;
  return (
    <section className="step-notes-cards" aria-label="Team notes on this step">
      {onStep.map((note) => (
        <NoteCard key={note.id} note={note} actions={false} />
      ))}
    </section>
  );
}
