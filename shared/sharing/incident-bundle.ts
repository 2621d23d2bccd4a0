// A bundle file carries incidents from one machine to another when no network does (a USB stick, a
// chat attachment, a shared drive): a header line, then one event per line, every writer's. The
// receiving side merges them by the same rule as any shared event (record-merge.ts), so a bundle
// imported twice, or one that overlaps what arrived over Git, adds nothing twice. Reading one is
// reading outside content: bounded, line by line, never throwing; a bad line is named, the rest used.
import { jsonDepthOver, parseJsonBounded } from '../alerts/read/json-text';
import type { IncidentEvent } from '../incident/incident-events';
import { INCIDENT_ID, MAX_JOURNAL_BYTES } from '../incident/journal';
import { orderRecord } from '../incident/record-order';

export const BUNDLE_FORMAT = 'incident-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.failsafe-bundle';
/** A bundle larger than this is not read: the same cap as a journal file (100,000 events is about 30 MB). */
export const MAX_BUNDLE_CHARS = MAX_JOURNAL_BYTES;
/** Lines past this are not read (a file of empty or tiny lines would otherwise be split without end). */
export const MAX_BUNDLE_LINES = 500_000;
/** Events nest a runbook's steps and an alert's labels, never this deep: deeper is not an event, and is not parsed. */
const MAX_LINE_DEPTH = 64;
/** Past this many, bad lines are counted, not listed one by one. */
const MAX_PROBLEMS_LISTED = 100;

export interface BundleHeader {
  failsafe: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** When it was made (ISO). */
  exportedAt: string;
  /** The responder's name on the machine that made it. */
  by?: string;
  incidents: number;
  events: number;
}

export interface BundleProblem {
  /** From 1; 0 for the file as a whole. */
  line: number;
  reason: string;
}

export interface BundleRead {
  /** Absent when the first line is not a bundle header: then nothing else is read. */
  header?: BundleHeader;
  /** Every line that parsed as JSON, as read: still outside content, checked again when received. */
  events: unknown[];
  problems: BundleProblem[];
}

/**
 * The bundle's text. Each incident's events are written in its replay order, each with its clock:
 * an event recorded before clocks existed gets the one replay gives it, so the receiving machine
 * accepts it and puts it in the same place.
 */
export function writeBundle(events: readonly IncidentEvent[], { exportedAt, by }: { exportedAt: number; by?: string }): string {
  const byIncident = new Map<string, IncidentEvent[]>();
  for (const event of events) {
    const list = byIncident.get(event.incidentId);
    if (list) list.push(event);
    else byIncident.set(event.incidentId, [event]);
  }
  const lines: string[] = [];
  for (const record of byIncident.values()) {
    const { ordered, waiting } = orderRecord(record);
    for (const event of [...ordered, ...waiting]) lines.push(JSON.stringify(event));
  }
  const header: BundleHeader = { failsafe: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: new Date(exportedAt).toISOString(), ...(by?.trim() && { by: by.trim() }), incidents: byIncident.size, events: lines.length };
  return `${[JSON.stringify(header), ...lines].join('\n')}\n`;
}

/** Whether a text starts with a bundle header (a file dropped on the window is a bundle, not an alert). Reads only its first line. */
export function isBundleText(text: string): boolean {
  const end = text.indexOf('\n');
  return headerProblem(text.slice(0, end === -1 ? Math.min(text.length, 4096) : Math.min(end, 4096))) === undefined;
}

/** The events of a bundle and its bad lines, in words; never throws. */
export function readBundle(text: string): BundleRead {
  if (text.length > MAX_BUNDLE_CHARS) return { events: [], problems: [{ line: 0, reason: `the file is larger than ${MAX_BUNDLE_CHARS / 1024 / 1024} MB, so it was not read` }] };
  const problems: BundleProblem[] = [];
  let unlisted = 0;
  const problem = (line: number, reason: string) => {
    if (problems.length < MAX_PROBLEMS_LISTED) problems.push({ line, reason });
    else unlisted++;
  };
  const events: unknown[] = [];
  let header: BundleHeader | undefined;
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    line++;
    if (line > MAX_BUNDLE_LINES) {
      problem(line, `the file has more than ${MAX_BUNDLE_LINES.toLocaleString('en')} lines: the rest was not read`);
      break;
    }
    const content = text.slice(start, text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    start = end + 1;
    if (line === 1) {
      const wrong = headerProblem(content);
      if (wrong) return { events: [], problems: [{ line: 1, reason: wrong }] };
      header = JSON.parse(content) as BundleHeader;
      continue;
    }
    if (!content.trim()) continue;
    const read = parseJsonBounded(content, MAX_LINE_DEPTH);
    // The last line of a file copied or written only in part.
    if (!read.ok && found === -1 && !jsonDepthOver(content, MAX_LINE_DEPTH)) problem(line, 'cut off (the file ends in the middle of this line)');
    else if (!read.ok) problem(line, read.reason);
    else if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) problem(line, 'not an event');
    else events.push(read.value);
  }
  if (unlisted) problems.push({ line: 0, reason: `${unlisted.toLocaleString('en')} more lines could not be read` });
  return { header, events, problems };
}

/** Why the first line is not a bundle header this version reads, or undefined when it is. */
function headerProblem(line: string): string | undefined {
  const notBundle = 'this is not a Failsafe incident bundle (its first line is not a bundle header)';
  if (!line.startsWith('{') || line.length > 4096) return notBundle;
  const read = parseJsonBounded(line, 2);
  if (!read.ok || typeof read.value !== 'object' || read.value === null) return notBundle;
  const header = read.value as Partial<Record<keyof BundleHeader, unknown>>;
  if (header.failsafe !== BUNDLE_FORMAT) return notBundle;
  if (header.version !== BUNDLE_VERSION) return `this bundle is version ${String(header.version).slice(0, 20)}; this Failsafe reads version ${BUNDLE_VERSION}: update Failsafe to import it`;
  return undefined;
}

/** A bundle's events by incident, in the order read; a value naming no incident is a problem of the file. */
export function eventsByIncident(events: readonly unknown[]): { incidents: Map<string, unknown[]>; unnamed: number } {
  const incidents = new Map<string, unknown[]>();
  let unnamed = 0;
  for (const value of events) {
    const id = (value as { incidentId?: unknown }).incidentId;
    if (typeof id !== 'string' || !INCIDENT_ID.test(id)) {
      unnamed++;
      continue;
    }
    const list = incidents.get(id);
    if (list) list.push(value);
    else incidents.set(id, [value]);
  }
  return { incidents, unnamed };
}

/**
 * "Everything since a time": the whole record of every incident with an event at or after `since`.
 * Whole records, so the receiving machine never gets a writer's events with a gap before them.
 */
export function recordsSince(records: readonly (readonly IncidentEvent[])[], since: number): IncidentEvent[] {
  return records.filter((record) => record.some((event) => event.at >= since)).flat();
}

/** The bundle's file name: the day it was made and what it holds, `2026-12-01-checkout-down.failsafe-bundle`. */
export function bundleFileName(what: string, exportedAt: number): string {
  // Cut first: a title is typed text, and the slug needs only its start.
  const slug = what.slice(0, 200).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '') || 'incident';
  return `${new Date(exportedAt).toISOString().slice(0, 10)}-${slug}${BUNDLE_EXTENSION}`;
}
