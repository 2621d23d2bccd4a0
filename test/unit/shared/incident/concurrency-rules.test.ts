import { describe, expect, it } from 'vitest';
import type { EventBody, IncidentEvent } from '../../../../shared/incident/incident-events';
import { exportIncidentMarkdown } from '../../../../shared/incident/incident-export';
import { replay, type IncidentState } from '../../../../shared/incident/incident-state';
import { T0, TestRecord, testRunbook } from '../../../support/incident-record';

// Two responders, Ana and Bo, work one incident on their own laptops; neither has heard of the
// other's last act when they make their own. Once each machine has both acts, the record keeps
// both and settles them the same way, whichever arrived first.

const RUN = 'run-1';

/** Ana declares and starts a run at step 1; Bo's machine receives all of it before either acts again. */
function twoMachines(...start: EventBody[]) {
  const ana = new TestRecord('inc-shared', { id: 'writer-ana', name: 'Ana' })
    .add({ type: 'incident-declared', title: 'Checkout down', severity: 'SEV2' })
    .add({ type: 'run-started', runId: RUN, runbook: testRunbook() }, { type: 'step-started', runId: RUN, step: 0 }, ...start);
  const bo = new TestRecord('inc-shared', { id: 'writer-bo', name: 'Bo' });
  bo.events = [...ana.events];
  bo.state = ana.state;
  bo.session = 'session-bo';
  return { ana, bo };
}

/** What both machines show once each has the other's events: the same, whichever order they came in. */
function merged(...machines: TestRecord[]): { state: IncidentState; events: IncidentEvent[] } {
  const union = [...new Map(machines.flatMap((machine) => machine.events).map((event) => [`${event.writer}#${event.seq}`, event])).values()];
  const forwards = replay(union);
  const backwards = replay([...union].reverse());
  if (!forwards.ok) throw forwards.error;
  expect(backwards).toEqual(forwards);
  return { state: forwards.state, events: union };
}

const EXPORT = { appVersion: 'test', timeZone: 'UTC', library: { version: 'lib-v1' }, changedRuns: new Set<string>() };

describe('two responders acting on the same thing at once', () => {
  it('two people mark the same step done: the first by clock settles it, the second is shown beside it, not as a conflict', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'step-done', runId: RUN, step: 0 });
    bo.wait(20_000).add({ type: 'step-done', runId: RUN, step: 0 });
    const step = merged(ana, bo).state.runs[0].steps[0];
    expect(step.outcome).toBe('done');
    expect(step.endedAt?.at).toBe(T0 + 10_000);
    expect(step.concurrent).toEqual([expect.objectContaining({ writer: 'writer-bo', name: 'Bo', outcome: 'done', conflict: false })]);
  });

  it('a step failed on one machine while done on another is a conflict; reopening it settles it, and whoever marks it next decides', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'step-done', runId: RUN, step: 0 });
    bo.wait(20_000).add({ type: 'step-failed', runId: RUN, step: 0, note: 'pods still crashing' });
    const conflicted = merged(ana, bo).state.runs[0].steps[0];
    expect(conflicted.outcome).toBe('done');
    // The timeline marks Bo's failure as the conflict it is, with how the step stands.
    const before = merged(ana, bo);
    expect(exportIncidentMarkdown(before.state, before.events, EXPORT)).toMatch(/, Bo: “Restart the API”: FAILED step 1 “Check the pods”: pods still crashing \(a conflict, not settled: the step stands as done by Ana\)$/m);
    expect(conflicted.concurrent).toEqual([expect.objectContaining({ writer: 'writer-bo', outcome: 'failed', reason: 'pods still crashing', conflict: true })]);

    // Ana sees the conflict (her machine now holds Bo's failure), reopens the step and marks it failed.
    const both = merged(ana, bo);
    ana.events = both.events;
    ana.state = both.state;
    ana.wait(60_000).add({ type: 'step-reopened', runId: RUN, step: 0 });
    expect(ana.current.runs[0].steps[0]).toMatchObject({ outcome: 'active', concurrent: [] });
    ana.add({ type: 'step-failed', runId: RUN, step: 0, note: 'agreed with Bo: it fails' });
    const settled = merged(ana, bo).state.runs[0].steps[0];
    expect(settled).toMatchObject({ outcome: 'failed', reason: 'agreed with Bo: it fails', concurrent: [] });
  });

  it('two severities set at once: the later by clock wins, and both are in the timeline and the export', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'incident-changed', field: 'severity', value: 'SEV1' });
    bo.wait(20_000).add({ type: 'incident-changed', field: 'severity', value: 'SEV3' });
    const { state, events } = merged(ana, bo);
    expect(state.severity).toBe('SEV3');
    expect(state.severitySince).toBe(T0 + 20_000);
    const severities = events.filter((event) => event.type === 'incident-changed' && event.field === 'severity');
    expect(severities).toHaveLength(2);
    const markdown = exportIncidentMarkdown(state, events, EXPORT);
    expect(markdown.indexOf('SEV1')).toBeGreaterThan(-1);
    expect(markdown.indexOf('SEV1', markdown.indexOf('## Timeline'))).toBeLessThan(markdown.indexOf('SEV3', markdown.indexOf('## Timeline')));
  });

  it('a clock that runs behind does not reorder what was done after seeing another’s act', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'incident-changed', field: 'severity', value: 'SEV1' });
    // Bo's laptop is five minutes slow, but he set SEV3 after his machine received Ana's SEV1.
    const both = merged(ana, bo);
    bo.events = both.events;
    bo.state = both.state;
    bo.jumpWall(-300_000).add({ type: 'incident-changed', field: 'severity', value: 'SEV3' });
    expect(merged(ana, bo).state.severity).toBe('SEV3');
  });

  it('a run started while another responder resolved the incident is kept, and the incident stays resolved', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'incident-changed', field: 'status', value: 'resolved' });
    bo.wait(20_000).add({ type: 'run-started', runId: 'run-bo', runbook: testRunbook({ id: 'db/failover', title: 'Fail over the database' }) });
    const { state } = merged(ana, bo);
    expect(state.status).toBe('resolved');
    expect(state.runs.map((run) => run.id)).toEqual([RUN, 'run-bo']);
    expect(state.unapplied).toEqual([]);
  });

  it('notes on a run another responder finished are kept on the run', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'run-finished', runId: RUN, outcome: 'aborted', reason: 'wrong runbook' });
    bo.wait(20_000).add({ type: 'run-note', runId: RUN, step: 0, text: 'the pods came back on their own' }, { type: 'run-note', runId: RUN, text: 'paged the database team' });
    const run = merged(ana, bo).state.runs[0];
    expect(run.finished).toMatchObject({ outcome: 'aborted', reason: 'wrong runbook' });
    expect(run.steps[0].notes.map((note) => note.text)).toEqual(['the pods came back on their own']);
    expect(run.notes.map((note) => note.text)).toEqual(['paged the database team']);
    // Who wrote each note is kept, and the export names them.
    expect([run.steps[0].notes[0].by, run.notes[0].by]).toEqual(['writer-bo', 'writer-bo']);
    const { state, events } = merged(ana, bo);
    const markdown = exportIncidentMarkdown(state, events, EXPORT);
    expect(markdown).toMatch(/\| 1 \| .* \| the pods came back on their own \(Bo\) \|$/m);
    expect(markdown).toMatch(/^- .*, Bo: paged the database team$/m);
  });

  it('a second finish of a run is kept in the record but changes nothing, with its reason', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'run-finished', runId: RUN, outcome: 'aborted', reason: 'wrong runbook' });
    bo.wait(20_000).add({ type: 'run-finished', runId: RUN, outcome: 'aborted', reason: 'handing over to the DBA' });
    const { state } = merged(ana, bo);
    expect(state.runs[0].finished).toMatchObject({ reason: 'wrong runbook', at: expect.objectContaining({ at: T0 + 10_000 }) });
    expect(state.unapplied).toEqual([{ event: expect.objectContaining({ writer: 'writer-bo', type: 'run-finished' }), reason: expect.stringContaining('is finished') }]);
    expect(state.eventCount).toBe(5);
  });

  it('who did what stays named: who started the run and moved its cursor, who gave each outcome, in the state and the export', () => {
    const { ana, bo } = twoMachines();
    ana.wait(10_000).add({ type: 'step-failed', runId: RUN, step: 0, note: 'pods still crashing' });
    bo.wait(20_000).add({ type: 'step-done', runId: RUN, step: 0 });
    const both = merged(ana, bo);
    bo.events = both.events;
    bo.state = both.state;
    bo.wait(30_000).add({ type: 'step-reopened', runId: RUN, step: 0 }).add({ type: 'step-done', runId: RUN, step: 0 }, { type: 'step-started', runId: RUN, step: 1 });
    const { state, events } = merged(ana, bo);
    const run = state.runs[0];
    expect([run.startedBy, run.steps[0].endedBy]).toEqual(['writer-ana', 'writer-bo']);
    // Bo's machine moved the cursor: a screen on Ana's machine keeps the step she is reading.
    expect([run.current, run.currentBy]).toEqual([1, 'writer-bo']);
    const markdown = exportIncidentMarkdown(state, events, EXPORT);
    expect(markdown).toMatch(/^- Started: .*, by Ana$/m);
    expect(markdown).toMatch(/\| 1 \| .* \| failed by Ana, then done by Bo, then reopened by Bo, then done by Bo \|/);
    expect(markdown).toContain('“Restart the API”, step 1 “Check the pods”: failed by Ana: pods still crashing; then done by Bo; then reopened by Bo; then done by Bo');
  });
});
