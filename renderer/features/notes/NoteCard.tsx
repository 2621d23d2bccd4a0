import { useEffect, useState } from 'react';
import { runbookHash } from '../../../shared/incident/runbook-copy';
import type { AdminNote } from '../../../shared/model';
import type { LocalNote } from '../../../shared/notes/local-note';
import { noteFile, noteFileName } from '../../../shared/notes/note-file';
import { hashOf } from '../../app/services/routes';
import { editNote } from '../../app/services/app-actions';
import { useNotesStore } from './notes-store';
import { readRunbook } from '../run';
import { CopyButton } from '../../ui/CopyButton';
import { MarkdownView } from '../../ui/markdown/MarkdownView';
import { SaveCopyButton } from '../../ui/SaveCopyButton';

export const NOTE_KIND_LABELS: Record<AdminNote['kind'], string> = {
  tip: 'Tip',
  warning: 'Warning',
  'best-practice': 'Best practice',
  'lesson-learned': 'Lesson learned',
};

const isLocal = (note: AdminNote): note is LocalNote => 'runbookHashes' in note;

/** A note, the library's or a local one (marked so), with its step, its helpful mark and, for a local one, edit, delete and share. */
export function NoteCard({ note, actions = true }: { note: AdminNote; actions?: boolean }) {
  const helpful = useNotesStore((state) => state.helpful.has(note.id));
  const changed = useChangedSince(note);
  const local = isLocal(note);
  return (
    <article className={`note note-${note.kind}${local ? ' note-local' : ''}`} aria-label={note.title}>
      <header>
        <span className="note-kind">{NOTE_KIND_LABELS[note.kind]}</span>
        {local && <span className="note-pinned note-local-mark">Local</span>}
        {note.pinned && <span className="note-pinned">Pinned</span>}
        {helpful && <span className="note-pinned">Helpful</span>}
        {note.step !== undefined && note.runbooks[0] && (
          <a className="note-step" href={hashOf({ name: 'runbook', id: note.runbooks[0] })}>
            step {note.step}
          </a>
        )}
        <h3>{note.title}</h3>
      </header>
      {changed && (
        <p className="note-changed" role="note">
          {changed}
        </p>
      )}
      <MarkdownView markdown={note.body} fromPath={note.path} />
      {actions && (
        <footer className="note-actions">
          <button type="button" aria-pressed={helpful} onClick={() => void useNotesStore.getState().toggleHelpful(note.id)}>
            {helpful ? 'Helpful ✓' : 'Mark helpful'}
          </button>
          {local && (
            <>
              <button type="button" onClick={() => editNote(note.id)}>
                Edit
              </button>
              <button type="button" onClick={() => void useNotesStore.getState().remove(note.id)}>
                Delete
              </button>
              <CopyButton text={noteFile(note)} label="Copy as a notes/ file" />
              <SaveCopyButton request={{ suggestedName: noteFileName(note), content: noteFile(note), kind: 'markdown' }} label="Save as a notes/ file" />
            </>
          )}
        </footer>
      )}
    </article>
  );
}

/** For a local note: says when a runbook it is about has changed since the note was written. */
function useChangedSince(note: AdminNote): string | undefined {
  const [changed, setChanged] = useState<string>();
  const hashes = isLocal(note) ? note.runbookHashes : undefined;
  useEffect(() => {
    if (!hashes) return;
    let cancelled = false;
    void (async () => {
      for (const [id, hash] of Object.entries(hashes)) {
        const runbook = await readRunbook(id);
        if (cancelled) return;
        if (!runbook) return setChanged(`The runbook “${id}” is no longer in the library.`);
        if (runbookHash(runbook) !== hash) return setChanged(`“${runbook.title}” has changed since this note was written: check it still holds.`);
      }
      setChanged(undefined);
    })();
    return () => {
      cancelled = true;
    };
  }, [hashes]);
  return changed;
}
