// From an alert to its runbook, offline: first the runbook whose `alerts:` names it, then the link
// the alert carries (`runbook_url`, a `runbook` label) mapped to a file, then the runbook named like
// it. The index is built once per library; each alert is then a few map lookups, never a scan.
import { alertRunbookLink, type Alert } from './alert';
import { alertNameWords, compactName, titleWords, wordsKey } from './alert-name-keys';
import type { LinkResolver } from './links/link-target';
import { titleHeading } from '../library/markdown/markdown-blocks';
import type { Runbook } from '../model';

/** What the index needs of a runbook. `aliases` should hold its `# Heading` when it differs from the title (`alertIndexEntry`). */
export interface AlertIndexEntry {
  id: string;
  title: string;
  aliases: readonly string[];
  /** Absent on runbooks stored before `alerts:` existed. */
  alerts?: readonly string[];
}

/**
 * The runbook for an alert, and how it was found; or, when none was, what was looked for in words
 * (`docs/gitaly/missing.md`, `a runbook named KubePodCrashLooping`). `section` is the part of the
 * page a link's `#fragment` named.
 */
export type RunbookMatch =
  | { id: string; by: 'alerts' | 'link' | 'name'; section?: string }
  | { lookedFor: string; by: 'link' | 'name' };

/** Two runbooks gave the same key: a match by it would be a guess, so there is none. */
interface Ambiguous {
  ambiguous: [string, string];
}
type Found = string | Ambiguous;

export interface AlertRunbookIndex {
  /** `alerts:` names, lower-cased; of two runbooks listing one, the one first by id. */
  byAlert: Map<string, string>;
  /** File names (`KubePodCrashLooping.md`, a folder of a README), compacted. */
  byFile: Map<string, Found>;
  /** Titles, aliases and headings, compacted. */
  byName: Map<string, Found>;
  /** Titles, aliases and headings by their words (`wordsKey`). */
  byWords: Map<string, Found>;
}

/** The entry of a runbook, its `# Heading` among its aliases (often the alert's own name). */
export function alertIndexEntry(runbook: Runbook): AlertIndexEntry {
  const heading = titleHeading(runbook.body);
  const aliases = heading && heading !== runbook.title ? [...runbook.aliases, heading] : runbook.aliases;
  return { id: runbook.id, title: runbook.title, aliases, alerts: runbook.alerts };
}

export function alertRunbookIndex(entries: readonly AlertIndexEntry[]): AlertRunbookIndex {
  const index: AlertRunbookIndex = { byAlert: new Map(), byFile: new Map(), byName: new Map(), byWords: new Map() };
  for (const entry of entries) {
    for (const name of entry.alerts ?? []) {
      // Two runbooks listing one alert: the one first by id, whatever order the entries came in (the parser warns).
      const claimed = index.byAlert.get(name.toLowerCase());
      if (claimed === undefined || entry.id < claimed) index.byAlert.set(name.toLowerCase(), entry.id);
    }
    add(index.byFile, compactName(entry.id.slice(entry.id.lastIndexOf('/') + 1)), entry.id);
    for (const name of [entry.title, ...entry.aliases]) {
      // The compact name is the words run together: one scan gives both keys.
      const words = titleWords(name);
      add(index.byName, words.join(''), entry.id);
      add(index.byWords, wordsKey(words), entry.id);
    }
  }
  return index;
}

/** A key of one runbook; a second runbook with the same key makes it ambiguous. Too short a key (`db`) is no name. */
function add(map: Map<string, Found>, key: string | undefined, id: string) {
  if (!key || key.length < 3) return;
  const found = map.get(key);
  if (found === undefined) map.set(key, id);
  else if (typeof found === 'string' && found !== id) map.set(key, { ambiguous: [found, id] });
}

/**
 * The runbook for `alert`. A match by name is strong or none: the alert's name and a file name,
 * title, alias or heading are the same letters and digits (`KubePodCrashLooping`,
 * `kube-pod-crash-looping.md`, "Kube pod crash looping"), or the alert's words and a title's are
 * the same set, filler words left out (`ETCDHighNumberOfFailedGRPCRequests` and "etcd: high number
 * of failed gRPC requests"). Two runbooks named alike match neither.
 */
export function runbookForAlert(alert: Pick<Alert, 'name' | 'labels' | 'annotations'>, index: AlertRunbookIndex, resolve: LinkResolver): RunbookMatch {
  const declared = index.byAlert.get(alert.name.trim().toLowerCase());
  if (declared !== undefined) return { id: declared, by: 'alerts' };
  const link = alertRunbookLink({ ...alert, state: 'unknown', source: 'name' });
  const target = link ? resolve(link) : undefined;
  if (target?.kind === 'runbook') return target.section ? { id: target.id, by: 'link', section: target.section } : { id: target.id, by: 'link' };
  const byName = matchByName(alert.name, index);
  if (typeof byName === 'string') return { id: byName, by: 'name' };
  // A link that should have led to a file says which file; that is what the team must fix.
  if (target?.kind === 'missing') return { lookedFor: target.lookedFor, by: 'link' };
  if (target?.kind === 'refused') return { lookedFor: `the file its runbook link names, but the link was refused: ${target.reason}`, by: 'link' };
  return { lookedFor: byName.lookedFor, by: 'name' };
}

function matchByName(name: string, index: AlertRunbookIndex): string | { lookedFor: string } {
  const compact = compactName(name);
  const words = wordsKey(alertNameWords(name));
  const candidates = [index.byFile.get(compact), index.byName.get(compact), words ? index.byWords.get(words) : undefined];
  for (const found of candidates) {
    if (found === undefined) continue;
    if (typeof found === 'string') return found;
    return { lookedFor: `one runbook named like ${name.slice(0, 200)}, but two are: ${found.ambiguous[0]} and ${found.ambiguous[1]}` };
  }
  const shown = name.slice(0, 200);
  return { lookedFor: `a runbook named like ${shown} (a file, title or alias “${alertNameWords(shown).join(' ')}”)` };
}
