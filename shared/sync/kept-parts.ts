import { TEAM_PARTS, type CommsTemplate, type Contact, type KeptPart, type LibraryMeta, type LibrarySnapshot, type SeverityLevel, type TeamPart } from '../model';

// A synced repository without oncall.yml, severity.yml or templates/ (or with one that cannot be
// read) must not leave the responder with an empty roster: the part the app had stays, marked with
// the library it came from. A file that is there and lists nothing still empties its part.

/** The team parts of a library, as stored. */
export interface TeamData {
  contacts: Contact[];
  severity: SeverityLevel[];
  templates: CommsTemplate[];
}

/** The library an import replaces: its meta (with what it had kept itself) and its team parts. */
export interface PreviousLibrary extends TeamData {
  meta: LibraryMeta;
}

export type KeptParts = NonNullable<LibraryMeta['kept']>;

/**
 * The team parts to store for `snapshot`: its own where it read the file, else the previous
 * library's, kept with where they first came from (a part kept twice still names its own commit).
 * Nothing is kept when there was no previous library or it had none of that part.
 */
export function keepMissingParts(snapshot: LibrarySnapshot, previous: PreviousLibrary | undefined): { data: TeamData; kept: KeptParts } {
  const data: TeamData = { contacts: snapshot.contacts, severity: snapshot.severity, templates: snapshot.templates };
  const kept: KeptParts = {};
  for (const part of TEAM_PARTS) {
    const presence = snapshot.presence[part];
    if (presence === 'read' || !previous || previous[part].length === 0) continue;
    (data[part] as TeamData[TeamPart]) = previous[part];
    kept[part] = { because: presence, from: previous.meta.kept?.[part]?.from ?? previous.meta.source };
  }
  return { data, kept };
}

export const PART_WORDS: Record<TeamPart, { label: string; file: string; absent: string; one: string; many: string }> = {
  contacts: { label: 'Roster', file: 'oncall.yml', absent: 'has no oncall.yml', one: 'person', many: 'people' },
  severity: { label: 'Severity levels', file: 'severity.yml', absent: 'has no severity.yml', one: 'level', many: 'levels' },
  templates: { label: 'Message templates', file: 'templates/', absent: 'has no templates/ folder', one: 'template', many: 'templates' },
};

/** "an earlier sync (abc1234, 2026-11-30)" or "the library bundled with the app (built 2026-11-30)". */
export function keptOrigin(from: KeptPart['from']): string {
  return from.kind === 'git' ? `an earlier sync (${from.commit.slice(0, 7)}, ${from.committedAt.slice(0, 10)})` : `the library bundled with the app (built ${from.builtAt.slice(0, 10)})`;
}

/**
 * "Roster kept from an earlier sync (abc1234, 2026-11-30): the synced repository has no oncall.yml."
 * With `count`, how many it holds: "Roster (2 people) kept from …".
 */
export function keptSentence(part: TeamPart, kept: KeptPart, count?: number): string {
  const words = PART_WORDS[part];
  const why = kept.because === 'absent' ? `the synced repository ${words.absent}` : `the synced ${words.file} could not be read (see Library health)`;
  const size = count === undefined ? '' : ` (${count} ${count === 1 ? words.one : words.many})`;
  return `${words.label}${size} kept from ${keptOrigin(kept.from)}: ${why}.`;
}
