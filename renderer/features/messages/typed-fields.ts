import { namedValues } from '../../../shared/library/placeholders';
import { fieldType } from '../../../shared/library/template-parser';
import type { TemplateField } from '../../../shared/model';
import { keepDraft, readDraft, typedFieldsDraft } from '../../app/services/drafts';

// What the responder typed into a message's one-line fields, by incident: the next template of the
// same incident starts with it, so the service named in the initial notice is not "API" again in
// the update and the resolution. Only what the incident cannot answer itself, and never a
// multi-line field (last update's progress is not this update's). Kept in this window's memory and
// as a draft record, so a relaunch keeps it too (the update after a crash began with "API" again).
const typed = new Map<string, Map<string, string>>();

export function rememberTyped(incidentId: string, fields: readonly TemplateField[], values: Readonly<Record<string, string>>) {
  const remembered = typed.get(incidentId) ?? new Map<string, string>();
  for (const field of fields) {
    const value = Object.hasOwn(values, field.name) ? values[field.name].trim() : '';
    if (fieldType(field) === 'text' && value && value !== field.default) remembered.set(field.name, value);
  }
  typed.set(incidentId, remembered);
  keepDraft({ key: typedFieldsDraft(incidentId), text: JSON.stringify(Object.fromEntries(remembered)) });
}

/** After a relaunch: what the incident's earlier messages were given, read back (memory wins: it is newer). */
export async function recallTyped(incidentId: string): Promise<void> {
  if (typed.has(incidentId)) return;
  const draft = await readDraft(typedFieldsDraft(incidentId));
  let parsed: unknown;
  try {
    parsed = draft ? JSON.parse(draft.text) : undefined;
  } catch {
    return;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || typed.has(incidentId)) return;
  typed.set(incidentId, new Map(Object.entries(parsed as Record<string, unknown>).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : []))));
}

export function typedBefore(incidentId: string, fields: readonly TemplateField[]): Record<string, string> {
  const remembered = typed.get(incidentId);
  return namedValues(fields.flatMap((field) => (fieldType(field) === 'text' && remembered?.has(field.name) ? [[field.name, remembered.get(field.name)!] as [string, string]] : [])));
}

/**
 * The fields of a message draft read back (`message:…` drafts, JSON written by the form): only
 * names the template has and text values, so a draft of an older template or a damaged record
 * fills nothing it should not. Undefined when there is nothing to give back.
 */
export function typedFieldsOf(text: string, fields: readonly TemplateField[]): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const values = parsed as Record<string, unknown>;
  const kept = fields.flatMap((field) => (Object.hasOwn(values, field.name) && typeof values[field.name] === 'string' ? [[field.name, values[field.name] as string] as [string, string]] : []));
  return kept.length ? namedValues(kept) : undefined;
}
