import { useEffect, useState } from 'react';
import type { DraftRecord } from './database';
import { appDatabase } from './app-services';

/**
 * What a responder is typing into an incident's forms is kept as they type (a quarter of a second
 * after the last key), so a crash or a closed window loses none of it: the form opens again with
 * the text. It goes once the text is recorded or the form is cancelled. Drafts are the user's own
 * data (strict durability); a failed write only means the draft is not kept.
 */
const KEEP_AFTER_MS = 250;

const pending = new Map<string, ReturnType<typeof setTimeout>>();

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

/** Keeps `draft` shortly (the latest text of a key wins); an empty text drops it. */
export function keepDraft(draft: DraftRecord): void {
  clearTimeout(pending.get(draft.key));
  pending.set(
    draft.key,
    setTimeout(() => {
      pending.delete(draft.key);
      const table = appDatabase().drafts;
      const writing: Promise<unknown> = draft.text ? table.put(draft) : table.delete(draft.key);
      writing.catch(() => undefined);
    }, KEEP_AFTER_MS),
  );
}

export function dropDraft(key: string): void {
  keepDraft({ key, text: '' });
}

/**
 * A text field's value kept as a draft under `key`: the stored draft comes back when the field is
 * shown again (unless something was typed meanwhile); setting '' drops it.
 */
export function useDraftText(key: string): [string, (text: string) => void] {
  const [field, setField] = useState({ key, text: '', typed: false });
  // Another form's key (another incident): its own text, read again.
  const shown = field.key === key ? field : { key, text: '', typed: false };
  useEffect(() => {
    let live = true;
    void readDraft(key).then((draft) => {
      if (live && draft) setField((before) => (before.key === key && before.typed ? before : { key, text: draft.text, typed: false }));
    });
    return () => {
      live = false;
    };
  }, [key]);
  const change = (text: string) => {
    setField({ key, text, typed: true });
    keepDraft({ key, text });
  };
  return [shown.text, change];
}
