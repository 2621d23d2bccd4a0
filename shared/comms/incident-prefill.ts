// A message form filled from the current incident: the fields a responder would otherwise copy by
// hand from the incident's page. A field is recognised by its type or its name.
import type { IncidentState } from '../incident/incident-state';
import { impactElapsed, incidentStart } from '../incident/incident-state';
import { formatDuration, formatUtc } from '../incident/time-format';
import { MILESTONES } from '../incident/incident-events';
import type { SeverityLevel, TemplateField } from '../model';
import { fieldType } from '../library/template-parser';
import { namedValues } from '../library/placeholders';
import { nextUpdateDue, promisedInterval, promisedUpdateAt, type UpdateDue } from './update-cadence';

const NAMES = new Map<string, (context: Context) => string | undefined>(Object.entries({
  // The incident's title is the responders' own words ("db-1 disk 95% full"): a field named for
  // it takes it, but a `summary` is what readers outside are told (a status page's "What customers
  // notice"), and filled with the title it went out with an internal host name and no warning that
  // it was still to write (a walk). It stays empty, for the responder.
  title: ({ incident }) => incident.title,
  incident: ({ incident }) => incident.title,
  // When the problem began and how long it lasted, for readers outside: from a Detected time set
  // earlier than the declaration (corrected, or an alert's start), not from when someone declared it.
  started: ({ incident }) => clock(incidentStart(incident)),
  start: ({ incident }) => clock(incidentStart(incident)),
  started_at: ({ incident }) => clock(incidentStart(incident)),
  start_time: ({ incident }) => clock(incidentStart(incident)),
  duration: ({ incident, now }) => formatDuration(impactElapsed(incident, now)),
  elapsed: ({ incident, now }) => formatDuration(impactElapsed(incident, now)),
  runbooks: ({ incident }) => [...new Set(incident.runs.map((run) => run.runbook.title))].join(', ') || undefined,
  // What the last message promised, else the cadence: 30 minutes chosen for the first message of a
  // P1 whose cadence is an hour came back as "1 hour" in the next (a walk, 2026-12-02).
  next_update: ({ incident, level }) => {
    const last = incident.messages.at(-1);
    return (last && promisedInterval(last.text)) ?? level?.updateEvery;
  },
  next_update_at: ({ incident, level, now }) => {
    const due = incidentUpdateDue(incident, level?.updateEvery, now);
    return due ? clock(due.dueAt) : undefined;
  },
  updates: ({ incident }) => updatesSoFar(incident),
  timeline: ({ incident }) => updatesSoFar(incident),
} satisfies Record<string, (context: Context) => string | undefined>));

interface Context {
  incident: IncidentState;
  level?: SeverityLevel;
  now: number;
}

/** `02:14 UTC` */
const clock = (time: number) => `${formatUtc(time).slice(11, 16)} UTC`;

/** When the last message went out, or when the incident was declared. */
function lastSent(incident: IncidentState): number {
  return incident.messages.at(-1)?.at ?? incident.declaredAt.at;
}

/** The incident's next update: what its last message promised, else its cadence, snoozes applied. */
export function incidentUpdateDue(incident: IncidentState, updateEvery: string | undefined, now: number): UpdateDue | undefined {
  const last = incident.messages.at(-1);
  return nextUpdateDue(updateEvery, lastSent(incident), incident.snoozes, now, last && promisedUpdateAt(last.text, last.at));
}

/** The incident so far, a line each, as status messages list it: `- 02:14 UTC Investigating`. */
export function updatesSoFar(incident: IncidentState): string {
  const lines: [number, string][] = [[incident.declaredAt.at, 'Investigating']];
  for (const milestone of MILESTONES) {
    const time = incident.milestones[milestone];
    if (time !== undefined && milestone !== 'detected') lines.push([time, milestone[0].toUpperCase() + milestone.slice(1)]);
  }
  for (const message of incident.messages) lines.push([message.at, `Update sent (${message.templateTitle})`]);
  return lines
    .sort((a, b) => a[0] - b[0])
    .map(([time, text]) => `- ${clock(time)} ${text}`)
    .join('\n');
}

/** Values for the fields the incident knows; the others keep their defaults. */
export function prefillFromIncident(fields: readonly TemplateField[], incident: IncidentState, level: SeverityLevel | undefined, now: number): Record<string, string> {
  const context: Context = { incident, level, now };
  const values = namedValues();
  for (const field of fields) {
    const type = fieldType(field);
    const name = field.name.toLowerCase();
    let value: string | undefined;
    if (type === 'severity' || name === 'severity') value = incident.severity;
    else if (type === 'status' || name === 'status') value = asOption(field, incident.status);
    else value = NAMES.get(name)?.(context);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

/** A status as the field lists it (`Investigating`), or capitalised. */
function asOption(field: TemplateField, status: string): string {
  return field.options?.find((option) => option.toLowerCase() === status) ?? status[0].toUpperCase() + status.slice(1);
}
