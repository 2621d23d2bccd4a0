// What may be read from a shared place, and what a writer's own file holds. A shared place (a Git
// repository anyone on the team can push to, a folder anyone can write) is outside content: only
// `incidents/<incident>/<writer>.jsonl` is read, and each of its lines only when it is a well-formed
// event of that writer and that incident. A forged line is refused and named, never taken in.
import type { IncidentEvent } from '../../shared/incident/incident-events';
import { WRITER_ID } from '../../shared/incident/hybrid-clock';
import { INCIDENT_ID, journalLine } from '../../shared/incident/journal';
import { receivedEventProblem } from '../../shared/incident/record-merge';
import type { ShareRefusal } from '../../shared/sharing/share-contract';

export const INCIDENTS_FOLDER = 'incidents';
const SUFFIX = '.jsonl';

export interface WriterFile {
  incidentId: string;
  writer: string;
}

/** The file a writer writes for an incident, relative to the shared place (forward slashes). */
export function writerFilePath({ incidentId, writer }: WriterFile): string {
  if (!INCIDENT_ID.test(incidentId) || !WRITER_ID.test(writer)) throw new Error('not an incident or writer id');
  return `${INCIDENTS_FOLDER}/${incidentId}/${writer}${SUFFIX}`;
}

/** Whose file a relative path is, or undefined when it is not exactly a writer's file. */
export function writerFileAt(relativePath: string): WriterFile | undefined {
  const parts = relativePath.split('/');
  if (parts.length !== 3 || parts[0] !== INCIDENTS_FOLDER || !parts[2].endsWith(SUFFIX)) return undefined;
  const [, incidentId, name] = parts;
  const writer = name.slice(0, -SUFFIX.length);
  return INCIDENT_ID.test(incidentId) && WRITER_ID.test(writer) ? { incidentId, writer } : undefined;
}

export interface WriterFileRead {
  /** Checked events of the file's writer and incident, in file order. */
  events: IncidentEvent[];
  refused: ShareRefusal[];
}

/** Reads a writer's file line by line: a line that is not an event of this writer and incident is refused, the rest still read. */
export function readWriterFile(file: WriterFile, text: string): WriterFileRead {
  const path = writerFilePath(file);
  const events: IncidentEvent[] = [];
  const refused: ShareRefusal[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const refuse = (reason: string) => refused.push({ path, line: index + 1, reason });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      refuse(index === lines.length - 1 ? 'cut off (not a whole line)' : 'not JSON');
      return;
    }
    const problem = receivedEventProblem(value);
    if (problem) return refuse(problem);
    const event = value as IncidentEvent;
    if (event.writer !== file.writer) return refuse(`an event of another writer in ${file.writer}’s file: each writer writes only its own`);
    if (event.incidentId !== file.incidentId) return refuse(`an event of another incident in ${file.incidentId}’s folder`);
    events.push(event);
  });
  return { events, refused };
}

/**
 * What this writer's file should hold: every event it sent, one line each. A file holding the first
 * of them gains the rest; anything else (damaged, edited, from a lost profile) becomes them, since
 * this writer's events are the authority on its own file. Both are the same text, written whole
 * (a Git blob, or a folder's file replaced by rename), so no reader ever sees half a line.
 */
export function ownFileText(events: readonly IncidentEvent[]): string {
  return events.map((event) => `${journalLine(event)}\n`).join('');
}

/** This writer's last event number in a file it wrote (its last line), 0 when it holds none. */
export function lastSeqIn(file: WriterFile, text: string): number {
  const end = text.trimEnd();
  const line = end.slice(end.lastIndexOf('\n') + 1);
  if (!line) return 0;
  const read = readWriterFile(file, line);
  return read.events[0]?.seq ?? 0;
}
