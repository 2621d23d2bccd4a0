// Rebuilding an incident from its journal file adds to the database's record, never takes from it.
// The journal is outside content (a file anyone can edit, cut off by a crash): each of its events is
// matched to the database's by identity (incident id and number) and content; what the database
// lacks is added only where it continues the record without a gap and the state function accepts it.
// Everything else is refused, by line, in plain words.
import type { IncidentEvent } from './incident-events';
import { applyEvent, replay, type IncidentState } from './incident-state';
import { canonicalEvent, readJournal } from './journal';

export interface RefusedLine {
  /** The line of the journal file, from 1. */
  line: number;
  reason: string;
}

export interface JournalMerge {
  /** The events the journal adds after the database's, in order. */
  added: IncidentEvent[];
  /** The record once they are added: the database's events, then the added ones. */
  events: IncidentEvent[];
  state: IncidentState;
  /** Lines not used, and why. */
  refused: RefusedLine[];
  /** Lines that hold an event the database (or an earlier line) already has, word for word. */
  alreadyHeld: number;
}

export type MergeResult = { ok: true; merge: JournalMerge } | { ok: false; reason: string };

/**
 * What rebuilding `incidentId` from a journal file would do to the database's record. Pure: nothing
 * is written. The database's events are all kept, whatever the file holds.
 */
export function mergeJournal(incidentId: string, database: readonly IncidentEvent[], journalText: string): MergeResult {
  const mine = [...database].sort((a, b) => a.seq - b.seq);
  const held = replay(mine);
  if (database.length && !held.ok) return { ok: false, reason: `the database's record cannot be read (${held.error.message}), so nothing is added to it` };
  const read = readJournal(journalText);
  const refused: RefusedLine[] = read.problems.map(({ line, reason }) => ({ line, reason: `line ${line}: ${reason}` }));
  const known = new Map(database.map((event) => [event.seq, canonicalEvent(event)]));
  const candidates = new Map<number, { event: IncidentEvent; line: number; text: string }>();
  let alreadyHeld = 0;
  read.events.forEach((event, index) => {
    const line = read.lines[index];
    const text = canonicalEvent(event);
    if (event.incidentId !== incidentId) return refused.push({ line, reason: `line ${line}: it belongs to another incident (${event.incidentId})` });
    if (!Number.isInteger(event.seq) || event.seq < 1) return refused.push({ line, reason: `line ${line}: ${event.seq} is not an event number` });
    const same = known.get(event.seq);
    if (same !== undefined) {
      if (same === text) return void alreadyHeld++;
      return refused.push({ line, reason: `line ${line}: event ${event.seq} differs from the one in this app’s database, which is kept` });
    }
    const earlier = candidates.get(event.seq);
    if (earlier) {
      if (earlier.text === text) return void alreadyHeld++;
      return refused.push({ line, reason: `line ${line}: a second, different event ${event.seq} (line ${earlier.line} has the first)` });
    }
    candidates.set(event.seq, { event, line, text });
  });

  // Only what continues the record: the next number each time, accepted by the state function.
  let state = database.length && held.ok ? held.state : undefined;
  let next = (mine.at(-1)?.seq ?? 0) + 1;
  const added: IncidentEvent[] = [];
  const ordered = [...candidates.values()].sort((a, b) => a.event.seq - b.event.seq);
  let stop: string | undefined;
  for (const { event, line } of ordered) {
    if (stop) {
      refused.push({ line, reason: `line ${line}: event ${event.seq} comes after ${stop}` });
      continue;
    }
    if (event.seq !== next) {
      refused.push({ line, reason: `line ${line}: event ${event.seq} follows a gap (event ${next} is missing)` });
      stop = `the gap at event ${next}`;
      continue;
    }
    const applied = applyEvent(state, event);
    if (!applied.ok) {
      refused.push({ line, reason: `line ${line}: ${applied.error.message}` });
      stop = `event ${event.seq}, which was refused`;
      continue;
    }
    state = applied.state;
    added.push(event);
    next++;
  }
  if (!state) return { ok: false, reason: refused.length ? `the journal file holds no readable start of this incident (${refused[0].reason})` : 'the journal file holds no event' };
  refused.sort((a, b) => a.line - b.line);
  return { ok: true, merge: { added, events: [...mine, ...added], state, refused, alreadyHeld } };
}
