import { TEAM_PARTS, type AdminNote, type KeptPart, type Runbook, type TeamPart } from '../model';
import { keptSentence, PART_WORDS, type KeptParts, type TeamData } from './kept-parts';

export interface Named {
  id: string;
  title: string;
}

/** A team part a sync kept from the library before, and how many entries it holds. */
export interface KeptChange extends KeptPart {
  part: TeamPart;
  count: number;
}

/** Besides runbooks: pinned notes the new library no longer has, and people, levels, templates its own files dropped. */
export interface RemovedEntries {
  what: 'pinned-notes' | TeamPart;
  items: Named[];
}

/** What a sync did to the runbooks. */
export interface LibraryChanges {
  added: Named[];
  updated: Named[];
  removed: Named[];
}

/** Everything a sync's summary says: the runbooks, the team parts it kept, and what else it removed. */
export interface SyncChanges extends LibraryChanges {
  kept: KeptChange[];
  /** Only the kinds that lost something. */
  alsoRemoved: RemovedEntries[];
  /**
   * Whether the runbooks it added or updated were marked changed in the library until opened. A
   * first sync marks none: every runbook of the team's library is new there, and a mark on each
   * told nothing (and was 5,000 more records to write, and to read at every load, at 5,000).
   */
  marked: boolean;
}

/**
 * What a new library adds, changes and removes of the runbooks compared with the one it replaces.
 * Only runbooks in both are compared whole: a first sync, which shares no id with the bundled
 * library, serializes nothing (hashing all 5,000 runbooks of one took about 0.3 s).
 */
export function compareLibraries(before: Runbook[], after: Runbook[]): LibraryChanges {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const pick = ({ id, title }: Runbook) => ({ id, title });
  const changed = (item: Runbook) => {
    const was = old.get(item.id);
    return was !== undefined && JSON.stringify(was) !== JSON.stringify(item);
  };
  return {
    added: after.filter((item) => !old.has(item.id)).map(pick),
    updated: after.filter(changed).map(pick),
    removed: before.filter((item) => !now.has(item.id)).map(pick),
  };
}

export function describeChanges(changes: LibraryChanges): string {
  const parts = [
    [changes.updated.length, 'updated'],
    [changes.added.length, 'added'],
    [changes.removed.length, 'removed'],
  ].filter(([count]) => count) as [number, string][];
  if (!parts.length) return 'No runbook changed';
  return parts.map(([count, word], index) => `${count}${index === 0 ? ` runbook${count === 1 ? '' : 's'}` : ''} ${word}`).join(', ');
}

/**
 * What an import kept of the team parts, and what it removed besides runbooks: pinned notes gone
 * from the library, and entries a part's new file no longer lists (a kept part removes nothing).
 */
export function compareTeamParts(before: TeamData & { pinnedNotes: AdminNote[] }, after: TeamData & { notes: AdminNote[] }, kept: KeptParts): Omit<SyncChanges, keyof LibraryChanges | 'marked'> {
  const removedFrom: Record<TeamPart, () => Named[]> = {
    contacts: () => gone(before.contacts, after.contacts, (contact) => contact.name),
    severity: () => gone(before.severity, after.severity, (level) => (level.name && level.name !== level.id ? `${level.id} ${level.name}` : level.id)),
    templates: () => gone(before.templates, after.templates, (template) => template.title),
  };
  const alsoRemoved: RemovedEntries[] = [{ what: 'pinned-notes', items: gone(before.pinnedNotes, after.notes, (note) => note.title) }];
  const keptChanges: KeptChange[] = [];
  for (const part of TEAM_PARTS) {
    const keptPart = kept[part];
    if (keptPart) keptChanges.push({ part, count: after[part].length, ...keptPart });
    else alsoRemoved.push({ what: part, items: removedFrom[part]() });
  }
  return { kept: keptChanges, alsoRemoved: alsoRemoved.filter((entry) => entry.items.length > 0) };
}

function gone<T extends { id: string }>(before: T[], after: { id: string }[], title: (item: T) => string): Named[] {
  const now = new Set(after.map((item) => item.id));
  return before.filter((item) => !now.has(item.id)).map((item) => ({ id: item.id, title: title(item) }));
}

const REMOVED_WORDS: Record<RemovedEntries['what'], string> = {
  'pinned-notes': 'Pinned notes removed',
  contacts: `People removed from ${PART_WORDS.contacts.file}`,
  severity: `Severity levels removed from ${PART_WORDS.severity.file}`,
  templates: `Message templates removed from ${PART_WORDS.templates.file}`,
};

/** The summary's lines besides the runbooks: each part kept and from where, then what else went. */
export function describeKeptAndRemoved(changes: Pick<SyncChanges, 'kept' | 'alsoRemoved'>): string[] {
  return [
    ...changes.kept.map((entry) => keptSentence(entry.part, entry, entry.count)),
    ...changes.alsoRemoved.map((entry) => `${REMOVED_WORDS[entry.what]}: ${namesOf(entry.items)}.`),
  ];
}

/** Names enough to recognise, never a wall: a team that rewrote its roster gets the first ones and a count. */
const NAMES_SHOWN = 10;
function namesOf(items: Named[]): string {
  const shown = items.slice(0, NAMES_SHOWN).map((item) => item.title).join(', ');
  return items.length > NAMES_SHOWN ? `${shown} and ${items.length - NAMES_SHOWN} more` : shown;
}
