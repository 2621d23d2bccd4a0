import { PART_PRESENCES, SNAPSHOT_FORMAT, TEAM_PARTS, type LibraryMeta, type LibrarySnapshot, type PartPresence } from '../model';
import { SEARCH_INDEX_FORMAT, type SerializedSearchIndex } from '../search/search-engine';

// Snapshots arrive from outside the renderer's code (a fetched file, IPC): check their shape
// before anything is written to the database.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isTextMap = (value: unknown) => isObject(value) && Object.values(value).every(isString);

export function isLibraryMeta(value: unknown): value is LibraryMeta {
  if (!isObject(value) || !isString(value.version) || !isObject(value.source)) return false;
  const source = value.source;
  if (source.kind === 'bundled') return isString(source.builtAt);
  return source.kind === 'git' && isString(source.commit) && isString(source.committedAt) && isString(source.syncedAt);
}

const isLine = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isStep = (step: Record<string, unknown>) =>
  isString(step.title) && isLine(step.fromLine) && isLine(step.toLine) && typeof step.listItem === 'boolean' &&
  (step.code === undefined || (isObject(step.code) && isString(step.code.language)));
const isProcedure = (procedure: Record<string, unknown>) =>
  isString(procedure.section) && isString(procedure.title) && isStringList(procedure.parents) && isLine(procedure.fromLine) &&
  isLine(procedure.toLine) && everyItem(procedure.steps, isStep) && isStringList(procedure.verification);

function everyItem(list: unknown, check: (item: Record<string, unknown>) => boolean): boolean {
  return Array.isArray(list) && list.every((item) => isObject(item) && check(item));
}

/** Why `value` is not a usable snapshot, or undefined when it is. */
export function snapshotProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (value.formatVersion !== SNAPSHOT_FORMAT) return `unknown format version ${String(value.formatVersion)}`;
  if (!isLibraryMeta({ version: value.version, source: value.source })) return 'missing version or source';
  const runbooksOk = everyItem(value.runbooks, (runbook) =>
    isString(runbook.id) && isString(runbook.title) && isString(runbook.type) && isString(runbook.body) &&
    isStringList(runbook.tags) && isStringList(runbook.aliases) && isStringList(runbook.commands) && everyItem(runbook.steps, isStep) &&
    // Absent in snapshots written before procedures existed: read then with `procedures()`.
    (runbook.procedures === undefined || everyItem(runbook.procedures, isProcedure)),
  );
  if (!runbooksOk) return 'a runbook is malformed';
  if (!everyItem(value.notes, (note) => isString(note.id) && isString(note.title) && isString(note.body) && isStringList(note.runbooks))) return 'a note is malformed';
  if (!everyItem(value.templates, (template) => isString(template.id) && isString(template.body) && Array.isArray(template.fields))) return 'a template is malformed';
  if (!everyItem(value.contacts, (contact) => isString(contact.id) && isString(contact.name))) return 'a contact is malformed';
  if (!everyItem(value.severity, (level) => isString(level.id) && isString(level.responseTime) && (level.alertSeverities === undefined || isStringList(level.alertSeverities)))) {
    return 'a severity level is malformed';
  }
  for (const key of ['runbooks', 'notes', 'templates', 'contacts', 'severity'] as const) {
    const duplicate = firstDuplicateId(value[key] as { id: string }[]);
    if (duplicate !== undefined) return `two ${key} share the id "${duplicate}"`;
  }
  if (!everyItem(value.problems, (problem) => isString(problem.path) && isString(problem.reason))) return 'a problem entry is malformed';
  // Absent in snapshots made before alerting rules were read.
  if (value.alertRules !== undefined && !everyItem(value.alertRules, (rule) => isString(rule.alert) && isString(rule.path) && isTextMap(rule.labels) && isTextMap(rule.annotations))) return 'an alerting rule is malformed';
  // What an import keeps or replaces hangs on it: a wrong word must not read as "absent".
  const presence = value.presence;
  if (!isObject(presence) || !TEAM_PARTS.every((part) => PART_PRESENCES.includes(presence[part] as PartPresence))) return 'which team files it has is missing or malformed';
  return undefined;
}

function firstDuplicateId(items: { id: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** A prebuilt search index that belongs to library `version`, in the layout this build reads (an older one is built again). */
export function isSearchIndexFor(value: unknown, version: string): value is SerializedSearchIndex {
  return (
    isObject(value) &&
    value.version === version &&
    value.format === SEARCH_INDEX_FORMAT &&
    isString(value.fullText) &&
    isString(value.spelling) &&
    everyItem(value.summaries, (summary) => isString(summary.id) && isString(summary.title))
  );
}

export function assertSnapshot(value: unknown): LibrarySnapshot {
  const problem = snapshotProblem(value);
  if (problem) throw new Error(`library snapshot refused: ${problem}`);
  return value as LibrarySnapshot;
}
