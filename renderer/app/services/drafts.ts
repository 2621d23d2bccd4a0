import { useEffect, useState } from 'react';
import type { DraftRecord } from './database';
import { appDatabase } from './app-services';

/**
 * What a responder is typing into an incident's forms is kept as they type (at most a quarter of a
 * second behind the keys), so a crash or a closed window loses next to none of it: the form opens
 * again with the text. It goes once the text is recorded or the form is cancelled. Drafts are the
 * user's own data (strict durability); a failed write only means the draft is not kept.
 */
const KEEP_AFTER_MS = 250;

/** Each key's write to come, and the latest text for it. */
const pending = new Map<string, ReturnType<typeof setTimeout>>();
const latest = new Map<string, DraftRecord>();

function writeNow(key: string): void {
  clearTimeout(pending.get(key));
  pending.delete(key);
  const draft = latest.get(key);
  latest.delete(key);
  if (!draft) return;
  const table = appDatabase().drafts;
  const writing: Promise<unknown> = draft.text ? table.put(draft) : table.delete(draft.key);
  writing.catch(() => undefined);
}

// A window closed or reloaded does not wait for the timer: what is pending is handed to IndexedDB
// as the page goes (kept when the browser lets the write finish).
globalThis.addEventListener?.('pagehide', () => {
  for (const key of [...pending.keys()]) writeNow(key);
});

export const incidentNoteDraft = (incidentId: string) => `incident:${incidentId}:note`;
export const runFormDraft = (runId: string) => `run:${runId}:form`;
/** A message form's fields typed by the responder (JSON), by incident (or none) and template. */
export const messageDraft = (incidentId: string | undefined, templateId: string) => `message:${incidentId ?? 'no-incident'}:${templateId}`;
/** The one-line fields typed into an incident's messages sent so far (JSON), for its next message. */
export const typedFieldsDraft = (incidentId: string) => `message-fields:${incidentId}`;

export async function readDraft(key: string): Promise<DraftRecord | undefined> {
  try {
    const draft = await appDatabase().drafts.get(key);
    return draft?.text ? draft : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps `draft` shortly (the latest text of a key wins); an empty text drops it. Written a quarter
 * of a second after the first key, not after the last: waiting for a pause, a sentence typed
 * without one was lost whole by a reload right after it (a walk).
 */
export function keepDraft(draft: DraftRecord): void {
  latest.set(draft.key, draft);
  if (!pending.has(draft.key)) pending.set(draft.key, setTimeout(() => writeNow(draft.key), KEEP_AFTER_MS));
}

/**
 * Drops the draft at once, not after the quarter second: its text is recorded (or given up), and a
 * crash just after must not bring it back into its form (kept while typing, a recorded note came
 * back and the next C went into it as text).
 */
export function dropDraft(key: string): void {
  latest.set(key, { key, text: '' });
  writeNow(key);
}

/**
 * A text field's value kept as a draft under `key`: the stored draft comes back when the field is
 * shown again (unless something was typed meanwhile); setting '' drops it. `onRestored` is called
 * after a kept draft was read (and its render), to give the field the focus where nothing else has it.
 */
export function useDraftText(key: string, onRestored?: () => void): [string, (text: string) => void] {
  const [field, setField] = useState({ key, text: '', typed: false });
  // Another form's key (another incident): its own text, read again.
  const shown = field.key === key ? field : { key, text: '', typed: false };
  useEffect(() => {
    let live = true;
    void readDraft(key).then((draft) => {
      if (!live || !draft) return;
      setField((before) => (before.key === key && before.typed ? before : { key, text: draft.text, typed: false }));
      // Also when the responder typed first: the callback leaves a focus that is in a field alone.
      if (onRestored) setTimeout(onRestored, 0);
    });
    return () => {
      live = false;
    };
    // Once per key: a new callback each render must not read the draft again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const change = (text: string) => {
    setField({ key, text, typed: true });
    keepDraft({ key, text });
  };
  return [shown.text, change];
}
