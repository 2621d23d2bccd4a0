// One line of plain words for each event: the timeline on screen and the exported timeline say the same.
import type { IncidentEvent } from './incident-events';
import type { IncidentState } from './incident-state';
import { formatClock } from './time-format';

export function describeEvent(event: IncidentEvent, incident: IncidentState, timeZone: string): string {
  const run = 'runId' in event ? incident.runs.find((candidate) => candidate.id === event.runId) : undefined;
  const runbook = run ? `“${run.runbook.title}”` : 'a run';
  const step = (index: number | undefined) => (index === undefined || !run ? '' : `step ${index + 1} “${run.runbook.steps[index]?.title ?? ''}”`);
  switch (event.type) {
    case 'incident-declared':
      return `Incident declared: “${event.title}”, severity ${event.severity}`;
    case 'incident-changed':
      return `${event.field === 'title' ? 'Title' : event.field === 'severity' ? 'Severity' : 'Status'} set to ${event.field === 'title' ? `“${event.value}”` : event.value}`;
    case 'milestone-set':
      return `Milestone ${event.milestone}: ${formatClock(event.time, timeZone)}`;
    case 'incident-note':
      return `${event.followUp ? 'Follow-up' : 'Note'}: ${event.text}`;
    case 'follow-up-marked':
      return `${event.followUp ? 'Marked as a follow-up' : 'No longer a follow-up'}: ${incident.notes.find((note) => note.id === event.noteId)?.text ?? event.noteId}`;
    case 'run-started':
      return `Run started: “${event.runbook.title}”${event.runbook.version ? ` version ${event.runbook.version}` : ''}`;
    case 'param-set':
      return `${runbook}: parameter ${event.name} = ${event.value ?? '•••••• (secret, not recorded)'}`;
    case 'step-started':
      return `${runbook}: started ${step(event.step)}`;
    case 'step-done':
      return `${runbook}: done ${step(event.step)}`;
    case 'step-skipped':
      return `${runbook}: skipped ${step(event.step)}: ${event.reason}`;
    case 'step-failed':
      return `${runbook}: FAILED ${step(event.step)}: ${event.note}`;
    case 'step-reopened':
      return `${runbook}: reopened ${step(event.step)}`;
    case 'run-note':
      return `${runbook}${event.step === undefined ? '' : `, ${step(event.step)}`}: note: ${event.text}`;
    case 'command-copied':
      return `${runbook}${event.step === undefined ? '' : `, ${step(event.step)}`}: copied ${inlineCode(event.command.split('\n')[0])}${event.command.includes('\n') ? ' …' : ''}`;
    case 'check-ticked':
      return `${runbook}: ${event.ticked ? 'ticked' : 'unticked'} check “${run?.runbook.verification[event.check] ?? event.check + 1}”`;
    case 'run-finished':
      return `${runbook}: run ${event.outcome}${event.reason ? `: ${event.reason}` : ''}`;
    case 'contact-attempted':
      return `${event.outcome === 'reached' ? 'Reached' : event.outcome === 'no-answer' ? 'Tried, no answer:' : 'Left a message for'} ${event.name}${event.note ? ` (${event.note})` : ''}`;
    case 'message-copied':
      return `Message copied to send (${event.templateTitle}, ${event.format === 'plain' ? 'plain text' : 'Markdown'}): ${event.text.split('\n').find((line) => line.trim()) ?? ''}`;
    case 'update-snoozed':
      return `Next update put off by ${event.minutes} minutes: ${event.reason}`;
  }
}

/** Inline code that holds any backticks: delimited by a longer run, padded when it starts or ends with one. */
function inlineCode(text: string): string {
  const ticks = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}
