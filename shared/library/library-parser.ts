import { readParams } from './run-params';
import { contentJson, contentVersion, type ContentJson } from '../sync/snapshot-json';
import { splitFrontMatter } from './front-matter';
import { isFolderIndex, libraryFileKind, type LibraryFileKind } from './library-paths';
import { DEFAULT_LIMITS, type LibraryLimits } from '../limits';
import { SNAPSHOT_FORMAT, TEAM_PARTS, type LibraryProblem, type LibrarySnapshot, type LibrarySource, type TeamPart } from '../model';
import { parseNote } from './note-parser';
import { parseOnCall, parseSeverity } from './roster-parser';
import { parseRunbook } from './runbook-parser';
import { parseTemplate } from './template-parser';
import { repairDoubleDecoding } from './document/double-decoding';
import { readRunbookAlertNames } from '../alerts/runbook-alert-names';
import { readAlertRules } from '../alerts/alert-rules';

/** Alerting rules kept in a snapshot: more than any team writes, few enough to check at every import. */
export const MAX_ALERT_RULES = 10_000;

export interface LibraryFile {
  /** Relative to the library root, with forward slashes. */
  path: string;
  text: string;
}

/**
 * Turns the files of a library into a snapshot. A file that cannot be read is reported with its
 * path and reason and left out; it never stops the others.
 */
export function parseLibrary(
  files: LibraryFile[],
  source: LibrarySource,
  earlierProblems: LibraryProblem[] = [],
  limits: LibraryLimits = DEFAULT_LIMITS,
): LibrarySnapshot {
  return finishLibrary(parseLibraryFiles(files, source, earlierProblems, limits));
}

/**
 * The part of parseLibrary that reads each file on its own, in path order: no duplicate ids
 * dropped, no version. A large library is read this way in shards, side by side in worker threads
 * (electron/parse-worker.ts), then joined (`joinLibraryShards`) and finished (`finishLibrary`):
 * work that needs the whole library belongs in finishLibrary, not here.
 */
export function parseLibraryFiles(
  files: LibraryFile[],
  source: LibrarySource,
  earlierProblems: LibraryProblem[] = [],
  limits: LibraryLimits = DEFAULT_LIMITS,
): LibrarySnapshot {
  const snapshot: LibrarySnapshot = {
    formatVersion: SNAPSHOT_FORMAT,
    version: '',
    source,
    runbooks: [],
    notes: [],
    templates: [],
    contacts: [],
    severity: [],
    problems: [...earlierProblems],
    presence: { contacts: 'absent', severity: 'absent', templates: 'absent' },
    alertRules: [],
  };
  const problem = (path: string, reason: string, level: LibraryProblem['level'] = 'error') => void snapshot.problems.push({ path, reason, level });
  // A team file that was there but could not be read is not an absent one; one read wins over another that failed.
  const unreadable = (path: string) => {
    const part = teamPartOf(path);
    if (part && snapshot.presence[part] !== 'read') snapshot.presence[part] = 'unreadable';
  };
  const read = (part: TeamPart) => (snapshot.presence[part] = 'read');
  for (const earlier of earlierProblems) if (earlier.level !== 'skipped') unreadable(earlier.path);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const given of sorted) {
    const kind = libraryFileKind(given.path);
    // templates/README.md alone is a templates folder with none in it: how a team says it has none.
    if (kind === 'readme' && teamPartOf(given.path) === 'templates') read('templates');
    if (kind === 'ignored' || kind === 'readme') continue;
    if (kind === 'alert-rules') {
      // YAML that holds no rules is not the library's business: nothing is said about it.
      const rules = readAlertRules(given.path, given.text, limits);
      if (rules.kind === 'broken') problem(given.path, `alerting rules: ${rules.reason}`);
      if (rules.kind !== 'rules') continue;
      for (const rule of rules.rules) snapshot.alertRules?.push(rule);
      for (const reason of rules.problems) problem(given.path, `alerting rules: ${reason}`, 'warning');
      continue;
    }
    if (given.text.length > limits.maxFileBytes) {
      problem(given.path, `file is larger than ${limits.maxFileBytes} bytes`);
      unreadable(given.path);
      continue;
    }
    // A Markdown file with nothing in it (an empty README.md) is said, so nobody wonders where it
    // went. An empty oncall.yml is read: it is how a team empties its roster.
    if (kind !== 'oncall' && kind !== 'severity' && !given.text.trim()) {
      if (kind === 'template') read('templates');
      problem(given.path, 'skipped: the file is empty', 'skipped');
      continue;
    }
    const file = { path: given.path, text: repairedText(given, problem) };
    if (kind === 'oncall' || kind === 'severity') {
      const result = kind === 'oncall' ? parseOnCall(file.text, limits) : parseSeverity(file.text, limits);
      if (!result.ok) {
        problem(file.path, result.reason);
        unreadable(file.path);
        continue;
      }
      for (const reason of result.problems) problem(file.path, reason);
      read(kind === 'oncall' ? 'contacts' : 'severity');
      if (kind === 'oncall') snapshot.contacts = result.items as LibrarySnapshot['contacts'];
      else snapshot.severity = result.items as LibrarySnapshot['severity'];
      continue;
    }
    const split = splitFrontMatter(file.text, limits);
    if (!split.ok) {
      problem(file.path, split.reason);
      unreadable(file.path);
      continue;
    }
    // A Hugo section index with front matter only describes its folder; there is nothing to read.
    if (kind === 'runbook' && isFolderIndex(file.path) && !split.body.trim()) continue;
    if (kind === 'note') snapshot.notes.push(parseNote(file.path, split.data, split.body));
    else if (kind === 'template') {
      snapshot.templates.push(parseTemplate(file.path, split.data, split.body));
      read('templates');
    }
    else {
      snapshot.runbooks.push(parseRunbook(file.path, split.data, split.body));
      // Bad parameters leave the runbook in: a run asks for the ones that are well declared.
      for (const reason of readParams(split.data.params).problems) problem(file.path, reason, 'warning');
      for (const reason of readRunbookAlertNames(split.data.alerts).problems) problem(file.path, reason, 'warning');
    }
  }
  return snapshot;
}

/** What needs the whole library: duplicate ids dropped (the first in path order stays), then the version. */
export function finishLibrary(snapshot: LibrarySnapshot): LibrarySnapshot {
  finishLibraryContent(snapshot);
  return snapshot;
}

/**
 * finishLibrary, giving back the content's JSON text its version hashes: snapshotJson takes it, so
 * a large library's text is written once (32 MB at 5,000 runbooks).
 */
export function finishLibraryContent(snapshot: LibrarySnapshot): ContentJson {
  dropDuplicateIds(snapshot, (path, reason) => snapshot.problems.push({ path, reason, level: 'error' }));
  warnSharedAlertNames(snapshot);
  const rules = snapshot.alertRules ?? [];
  if (rules.length > MAX_ALERT_RULES) {
    snapshot.problems.push({ path: rules[MAX_ALERT_RULES].path, reason: `the library has more than ${MAX_ALERT_RULES} alerting rules; the rest are not checked for runbooks`, level: 'warning' });
    snapshot.alertRules = rules.slice(0, MAX_ALERT_RULES);
  }
  const content = contentJson(snapshot);
  snapshot.version = contentVersion(content);
  return content;
}

/** The file's text, with text decoded twice (`âœ…` for ✅) repaired when that is certain; either way said. */
function repairedText(file: LibraryFile, problem: (path: string, reason: string, level: LibraryProblem['level']) => void): string {
  const decoding = repairDoubleDecoding(file.text);
  if (decoding.state === 'repaired') {
    problem(file.path, `text was decoded twice (“${decoding.example.was}” for “${decoding.example.now}”, ${decoding.runs}×) and has been repaired; save the file as UTF-8`, 'note');
  } else if (decoding.state === 'suspect') {
    problem(file.path, `some text looks decoded twice (“${decoding.example}”) but cannot all be repaired with certainty, so it is shown as written; save the file as UTF-8`, 'warning');
  }
  return decoding.text;
}

/**
 * Joins shards read by parseLibraryFiles from consecutive runs of the path-sorted files (the
 * earlier problems given to the first shard only) into what one read of all the files gives:
 * lists in shard order, the roster and levels of the last shard that read them, and each team
 * part read if any shard read it, else unreadable if any found it so.
 */
export function joinLibraryShards(shards: LibrarySnapshot[]): LibrarySnapshot {
  const [first, ...rest] = shards;
  const joined: LibrarySnapshot = { ...first, runbooks: first.runbooks.slice(), notes: first.notes.slice(), templates: first.templates.slice(), problems: first.problems.slice(), presence: { ...first.presence }, alertRules: (first.alertRules ?? []).slice() };
  for (const shard of rest) {
    for (const key of ['runbooks', 'notes', 'templates', 'problems'] as const) for (const item of shard[key]) (joined[key] as unknown[]).push(item);
    for (const rule of shard.alertRules ?? []) joined.alertRules?.push(rule);
    if (shard.presence.contacts === 'read') joined.contacts = shard.contacts;
    if (shard.presence.severity === 'read') joined.severity = shard.severity;
    for (const part of TEAM_PARTS) {
      const presence = shard.presence[part];
      if (presence === 'read' || (presence === 'unreadable' && joined.presence[part] === 'absent')) joined.presence[part] = presence;
    }
  }
  return joined;
}

const TEAM_PART_OF_KIND: Partial<Record<LibraryFileKind, TeamPart>> = { oncall: 'contacts', severity: 'severity', template: 'templates' };

/** The team part a library file belongs to, if any (a templates/ README counts for templates). */
function teamPartOf(path: string): TeamPart | undefined {
  const kind = libraryFileKind(path);
  if (kind === 'readme') return path.toLowerCase().startsWith('templates/') ? 'templates' : undefined;
  return TEAM_PART_OF_KIND[kind];
}

/** An alert listed under `alerts:` by two runbooks opens the one first by id (alert-runbook.ts): the other is told so. */
function warnSharedAlertNames(snapshot: LibrarySnapshot) {
  const claimed = new Map<string, string>();
  const byId = [...snapshot.runbooks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const runbook of byId) {
    for (const name of runbook.alerts) {
      const first = claimed.get(name.toLowerCase());
      if (first === undefined) claimed.set(name.toLowerCase(), runbook.path);
      else snapshot.problems.push({ path: runbook.path, reason: `alerts: ${name} is listed by ${first} too, which opens for it`, level: 'warning' });
    }
  }
}

function dropDuplicateIds(snapshot: LibrarySnapshot, problem: (path: string, reason: string) => void) {
  for (const key of ['runbooks', 'notes', 'templates'] as const) {
    const seen = new Map<string, string>();
    const kept = snapshot[key].filter((item) => {
      const first = seen.get(item.id);
      if (first) {
        problem(item.path, `id "${item.id}" is already used by ${first}`);
        return false;
      }
      seen.set(item.id, item.path);
      return true;
    });
    (snapshot[key] as typeof kept) = kept;
  }
}

