import { useEffect, useRef, useState } from 'react';
import { procedures } from '../../../shared/library/document/procedures';
import { NOTE_KINDS, type NoteKind, type Runbook } from '../../../shared/model';
import { noteProblem, parseTags, type NoteDraft } from '../../../shared/notes/local-note';
import { useDialogStore } from '../../app/services/dialog-store';
import { useLibraryStore } from '../library';
import { useNotesStore } from './notes-store';
import { readRunbook } from '../run';
import { Dialog } from '../../ui/Dialog';
import { withCommand } from '../../ui/keys';
import { MarkdownView } from '../../ui/markdown/MarkdownView';
import { NOTE_KIND_LABELS } from './NoteCard';

const EMPTY: NoteDraft = { title: '', kind: 'tip', body: '', tags: [], runbooks: [], pinned: false };

/** Writing or editing a local note: kind, title, Markdown body with a preview, tags, runbooks and a step, pinned. */
export function NoteEditor({ noteId, preset, saved }: { noteId?: string; preset?: Partial<NoteDraft>; saved?: (title: string) => void }) {
  const existing = useNotesStore((state) => state.local.find((note) => note.id === noteId));
  const summaries = useLibraryStore((state) => state.summaries);
  const close = useDialogStore((state) => state.close);
  const [draft, setDraft] = useState<NoteDraft>(() => ({ ...EMPTY, ...(existing ?? {}), ...preset }));
  const [tags, setTags] = useState(draft.tags.join(', '));
  const [runbooks, setRunbooks] = useState(draft.runbooks.join(', '));
  const [preview, setPreview] = useState(false);
  const body = useRef<HTMLTextAreaElement>(null);
  const togglePreview = () => {
    setPreview(!preview);
    // Back from the preview, the cursor is in the box again (once it is there).
    if (preview) setTimeout(() => body.current?.focus(), 0);
  };
  const [problem, setProblem] = useState<string>();
  const [first, setFirst] = useState<Runbook>();
  const runbookIds = runbooks.split(/[\s,]+/).filter(Boolean);
  const firstId = runbookIds[0];
  // The first runbook's steps, to attach the note to one of them.
  useEffect(() => {
    let cancelled = false;
    void (firstId ? readRunbook(firstId) : Promise.resolve(undefined)).then((found) => !cancelled && setFirst(found));
    return () => {
      cancelled = true;
    };
  }, [firstId]);

  const save = async () => {
    const final: NoteDraft = { ...draft, title: draft.title.trim(), tags: parseTags(tags), runbooks: runbookIds, step: runbookIds.length ? draft.step : undefined };
    const why = noteProblem(final, new Set(summaries.map((summary) => summary.id)));
    if (why) {
      setProblem(why);
      return;
    }
    await useNotesStore.getState().save(final, existing);
    close();
    saved?.(final.title);
  };
  const set = <K extends keyof NoteDraft>(key: K, value: NoteDraft[K]) => setDraft({ ...draft, [key]: value });
  return (
    <Dialog
      title={existing ? 'Edit the note' : 'Write a note for the next responder'}
      onClose={close}
      onSubmit={() => void save()}
      actions={
        <button type="submit" className="primary">
          Save on this machine <kbd>{withCommand('Enter')}</kbd>
        </button>
      }
    >
      <label>
        Kind
        <select value={draft.kind} onChange={(event) => set('kind', event.target.value as NoteKind)}>
          {NOTE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {NOTE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title
        <input value={draft.title} onChange={(event) => set('title', event.target.value)} />
      </label>
      <div className="note-body-field">
        <span id="note-body-label">Note (Markdown)</span>
        {preview ? (
          <div className="preview-box" aria-label="Preview">
            <MarkdownView markdown={draft.body} fromPath="notes/local.md" />
          </div>
        ) : (
          <textarea ref={body} aria-labelledby="note-body-label" rows={6} value={draft.body} onChange={(event) => set('body', event.target.value)} />
        )}
        {/* After the box, not before it: Tab from the title reached this first, and the space of the
            sentence typed next turned the box into its preview, the words going nowhere (a walk). */}
        <button type="button" className="link-button note-preview-toggle" onClick={togglePreview}>
          {preview ? 'Back to writing' : 'Preview'}
        </button>
      </div>
      <label>
        Tags (words, separated by commas)
        <input value={tags} onChange={(event) => setTags(event.target.value)} />
      </label>
      <label>
        Runbooks it is about (ids, separated by commas)
        <input list="note-runbook-ids" value={runbooks} onChange={(event) => setRunbooks(event.target.value)} />
        <datalist id="note-runbook-ids">
          {summaries.map((summary) => (
            <option key={summary.id} value={summary.id}>
              {summary.title}
            </option>
          ))}
        </datalist>
      </label>
      {/* A note attaches to a step of a runbook of one procedure: a document's several procedures
          each count their steps from 1, and the list offered the first one's whatever was run. */}
      {first && first.steps.length > 0 && procedures(first).length <= 1 && (
        <label>
          Step of “{first.title}”
          <select value={draft.step ?? ''} onChange={(event) => set('step', event.target.value ? Number(event.target.value) : undefined)}>
            <option value="">the whole runbook</option>
            {first.steps.map((step, index) => (
              <option key={index} value={index + 1}>
                Step {index + 1}: {step.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={draft.pinned} onChange={(event) => set('pinned', event.target.checked)} /> Pinned (shown first, and on the home screen)
      </label>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
