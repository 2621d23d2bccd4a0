// The incident as Markdown for the postmortem: every event in order, word for word as recorded.
import { describeEvent, longestBacktickRun } from './event-description';
import { MILESTONES, type EventOf, type IncidentEvent } from './incident-events';
import { durationMs, incidentElapsed, wallClockStamp, type IncidentState, type RunState, type StepState } from './incident-state';
import { formatClock, formatDuration, formatUtc, utcOffset } from './time-format';

export interface ExportContext {
  appVersion: string;
  /** The responder's name, when they set one in Settings. */
  responder?: string;
  timeZone: string;
  exportedAt: number;
  /** The library open when exporting. */
  library: { version: string; commit?: string };
  /** Runs whose runbook has changed in the library since they started. */
  changedRuns: ReadonlySet<string>;
}

const STEP_WORDS: Record<StepState['outcome'], string> = { pending: 'not started', active: 'in progress', done: 'done', skipped: 'skipped', failed: 'failed' };

export function exportIncidentMarkdown(incident: IncidentState, events: readonly IncidentEvent[], context: ExportContext): string {
  const { timeZone } = context;
  const when = (time: number) => formatClock(time, timeZone);
  const lines: string[] = [`# Incident: ${oneLine(incident.title)}`, ''];
  const header: [string, string][] = [
    ['Severity', incident.severity],
    ['Status', incident.status],
    ['Declared', when(incident.declaredAt.at)],
    ...(incident.status === 'resolved' && incident.milestones.resolved !== undefined ? [['Resolved', when(incident.milestones.resolved)] as [string, string]] : []),
    [incident.status === 'resolved' ? 'Duration' : 'Open for', formatDuration(incidentElapsed(incident, wallClockStamp(context.exportedAt)))],
    ...(context.responder ? [['Responder', context.responder] as [string, string]] : []),
    ['Time zone', `${timeZone} (${utcOffset(context.exportedAt, timeZone)})`],
    ['Failsafe', context.appVersion],
    ['Library', context.library.commit ? `commit ${context.library.commit}` : `bundled, version ${context.library.version}`],
    ['Exported', when(context.exportedAt)],
  ];
  lines.push('| | |', '|---|---|', ...header.map(([label, value]) => `| ${label} | ${cell(value)} |`), '');

  lines.push('## Milestones', '');
  const set = MILESTONES.filter((milestone) => incident.milestones[milestone] !== undefined);
  if (set.length) {
    lines.push('| Milestone | Time | Since declared | Since the previous one |', '|---|---|---|---|');
    let previous: number | undefined;
    for (const milestone of set) {
      const time = incident.milestones[milestone]!;
      lines.push(`| ${milestone} | ${when(time)} | ${signedDuration(time - incident.declaredAt.at)} | ${previous === undefined ? '' : signedDuration(time - previous)} |`);
      previous = time;
    }
  } else {
    lines.push('No milestone was set.');
  }
  lines.push('');

  lines.push('## Timeline', '', 'In the order recorded, each with the time the computer’s clock gave when it was recorded.', '');
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) lines.push(`- ${formatUtc(event.at)}: ${oneLine(describeEvent(event, incident, timeZone))}`);
  lines.push('');

  if (incident.messages.length) {
    lines.push('## Messages sent', '');
    for (const message of incident.messages) lines.push(`### ${formatUtc(message.at)}: ${oneLine(message.templateTitle)}`, '', ...fenced(message.text), '');
  }

  lines.push('## Runs', '');
  if (!incident.runs.length) lines.push('No runbook was run.', '');
  for (const run of incident.runs) lines.push(...runSection(run, events, context));

  lines.push('## Deviations', '');
  const deviations = incident.runs.flatMap((run) => deviationsOf(run, context));
  lines.push(...(deviations.length ? deviations : ['None: every step was done as written.']), '');

  lines.push('## Follow-ups', '');
  const followUps = incident.notes.filter((note) => note.followUp);
  lines.push(...(followUps.length ? followUps.map((note) => `- [ ] ${oneLine(note.text)}`) : ['None.']), '');

  const notes = incident.notes.filter((note) => !note.followUp);
  if (notes.length) lines.push('## Notes', '', ...notes.map((note) => `- ${formatUtc(note.at.at)}: ${oneLine(note.text)}`), '');
  return lines.join('\n');
}

function runSection(run: RunState, events: readonly IncidentEvent[], context: ExportContext): string[] {
  const { runbook } = run;
  const end = run.finished?.at;
  const lines = [`### ${oneLine(runbook.title)}${runbook.version ? ` (version ${runbook.version})` : ''}: ${run.finished ? run.finished.outcome : 'still running'}`, ''];
  lines.push(`- Runbook: \`${runbook.id}\`, library ${runbook.libraryCommit ? `commit ${runbook.libraryCommit}` : `version ${runbook.libraryVersion}`}`);
  lines.push(`- Started: ${formatClock(run.startedAt.at, context.timeZone)}`);
  if (end) lines.push(`- Finished: ${formatClock(end.at, context.timeZone)}, after ${formatDuration(durationMs(run.startedAt, end))}${runbook.duration ? ` (expected ${runbook.duration})` : ''}`);
  const params = Object.entries(run.params);
  if (params.length) lines.push(`- Parameters: ${params.map(([name, param]) => `${name} = ${param.secret ? '•••••• (secret)' : param.value === undefined ? '(not set)' : `\`${param.value}\``}`).join(', ')}`);
  lines.push('', '| # | Step | Outcome | Duration | Notes |', '|---|---|---|---|---|');
  run.steps.forEach((step, index) => {
    const duration = step.startedAt && step.endedAt ? formatDuration(durationMs(step.startedAt, step.endedAt)) : '';
    const notes = [...(step.reason ? [step.reason] : []), ...step.notes.map((note) => note.text)].join(' / ');
    // A step still in progress when the run ended was stopped there.
    const outcome = run.finished && step.outcome === 'active' ? 'stopped' : STEP_WORDS[step.outcome];
    lines.push(`| ${index + 1} | ${cell(runbook.steps[index].title)} | ${outcome} | ${duration} | ${cell(notes)} |`);
  });
  lines.push('');
  // From the events, so they stay in the order they were copied whatever the clock did.
  const copied = events.filter((event): event is EventOf<'command-copied'> => event.type === 'command-copied' && event.runId === run.id).sort((a, b) => a.seq - b.seq);
  if (copied.length) {
    lines.push('Commands copied:', '');
    for (const copy of copied) lines.push(`- ${formatUtc(copy.at)}, ${copy.step === undefined ? 'outside the steps' : `step ${copy.step + 1}`}:`, '', ...fenced(copy.command).map((line) => `  ${line}`), '');
  }
  if (run.notes.length) lines.push('Notes on the run:', '', ...run.notes.map((note) => `- ${formatUtc(note.at.at)}: ${oneLine(note.text)}`), '');
  return lines;
}

function deviationsOf(run: RunState, context: ExportContext): string[] {
  const title = `“${oneLine(run.runbook.title)}”`;
  const found = run.steps.flatMap((step, index) =>
    step.outcome === 'skipped' || step.outcome === 'failed' ? [`- ${title}, step ${index + 1} “${oneLine(run.runbook.steps[index].title)}”: ${step.outcome}: ${oneLine(step.reason ?? '')}`] : [],
  );
  if (run.finished?.outcome === 'aborted') found.push(`- ${title}: run aborted: ${oneLine(run.finished.reason ?? '')}`);
  if (context.changedRuns.has(run.id)) found.push(`- ${title}: the runbook has changed in the library since this run started`);
  return found;
}

/** A milestone may come before the declaration (detected before anyone declared it). */
function signedDuration(ms: number): string {
  return ms < 0 ? `${formatDuration(-ms)} before` : formatDuration(ms);
}

/** A fence longer than any run of backticks inside, so the command comes out exactly as copied. */
function fenced(command: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(command) + 1));
  return [fence, ...command.split('\n'), fence];
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ');
const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');
