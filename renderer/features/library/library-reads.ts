import type { AdminNote, CommsTemplate, Contact, Runbook, SeverityLevel } from '../../../shared/model';
import type { AlertRuleRecord, FailsafeDatabase, MetaRecord, ProblemRecord, SearchIndexRecord } from '../../app/services/database';

/** A runbook and the admin notes attached to it, pinned first, then by title. */
export async function readRunbookWithNotes(db: FailsafeDatabase, id: string): Promise<{ runbook?: Runbook; notes: AdminNote[] }> {
  const [runbook, notes] = await Promise.all([db.runbooks.get(id), db.notes.where('runbooks').equals(id).toArray()]);
  return { runbook, notes: notes.sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.title.localeCompare(b.title)) };
}

export async function readNote(db: FailsafeDatabase, id: string): Promise<AdminNote | undefined> {
  return db.notes.get(id);
}

/** What the home screen and status line show of the library: where it came from, pinned notes, problems. */
export async function readLibraryOverview(
  db: FailsafeDatabase,
): Promise<{ meta?: MetaRecord['value']; pinnedNotes: AdminNote[]; problems: ProblemRecord[]; severity: SeverityLevel[]; contacts: Contact[]; templates: CommsTemplate[] }> {
  const [meta, notes, problems, severity, contacts, templates] = await Promise.all([
    db.meta.get('library'),
    db.notes.toArray(),
    db.problems.toArray(),
    db.severity.toArray(),
    db.contacts.orderBy('escalationOrder').toArray(),
    db.templates.toArray(),
  ]);
  return {
    meta: meta?.value,
    pinnedNotes: notes.filter((note) => note.pinned),
    problems,
    severity: severity.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true })),
    contacts,
    templates: templates.sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** Every runbook, note, problem and alerting rule: the library health checks read them all. */
export async function readLibraryForHealthChecks(db: FailsafeDatabase): Promise<{ runbooks: Runbook[]; notes: AdminNote[]; problems: ProblemRecord[]; alertRules: AlertRuleRecord[] }> {
  const [runbooks, notes, problems, alertRules] = await Promise.all([db.runbooks.toArray(), db.notes.toArray(), db.problems.toArray(), db.alertRules.toArray()]);
  return { runbooks, notes, problems, alertRules };
}

/** The whole library and the search index of its `version`, for the offline copy. */
export async function readWholeLibrary(
  db: FailsafeDatabase,
  version: string,
): Promise<{ runbooks: Runbook[]; notes: AdminNote[]; severity: SeverityLevel[]; contacts: Contact[]; templates: CommsTemplate[]; searchIndex?: SearchIndexRecord }> {
  const [runbooks, notes, severity, contacts, templates, searchIndex] = await Promise.all([
    db.runbooks.toArray(),
    db.notes.toArray(),
    db.severity.toArray(),
    db.contacts.orderBy('escalationOrder').toArray(),
    db.templates.toArray(),
    db.searchIndex.get(version),
  ]);
  return { runbooks: runbooks.sort((a, b) => a.title.localeCompare(b.title)), notes, severity: severity.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true })), contacts, templates, searchIndex };
}

export async function readLibraryNotes(db: FailsafeDatabase): Promise<AdminNote[]> {
  return db.notes.toArray();
}

export async function readCriticalRunbooksFrom(db: FailsafeDatabase): Promise<Runbook[]> {
  return (await db.runbooks.where('priority').equals('critical').toArray()).sort((a, b) => a.title.localeCompare(b.title));
}
