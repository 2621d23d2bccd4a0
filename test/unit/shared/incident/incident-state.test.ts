import { describe, expect, it } from 'vitest';
import { activeRuns, applyEvent, durationMs, earlierValues, incidentElapsed, replay, wallClockStamp } from '../../../../shared/incident/incident-state';
import { T0, TestRecord, testRunbook } from '../../../support/incident-record';

const declared = () => new TestRecord().add({ type: 'incident-declared', title: 'API down', severity: 'SEV1' });
const running = () => declared().add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 });

describe('the incident', () => {
  it('starts investigating, at the time it was declared, with no milestones', () => {
    const state = declared().current;
    expect(state).toMatchObject({ id: 'inc-1', title: 'API down', severity: 'SEV1', status: 'investigating', milestones: {}, runs: [], notes: [], eventCount: 1, declaredBy: 'writer-a' });
    expect(state.declaredAt.at).toBe(T0);
  });

  it('refuses an empty title or severity, a second declaration, and any event before one', () => {
    const empty = new TestRecord();
    expect(empty.refusal({ type: 'incident-declared', title: '  ', severity: 'SEV1' })).toMatch(/needs a title/);
    expect(empty.refusal({ type: 'incident-declared', title: 'x', severity: '' })).toMatch(/needs a severity/);
    expect(empty.refusal({ type: 'incident-changed', field: 'title', value: 'x' })).toMatch(/never declared/);
    expect(declared().refusal({ type: 'incident-declared', title: 'again', severity: 'SEV2' })).toMatch(/already declared/);
  });

  it('changes title, severity and status; refuses an unknown status or the same one', () => {
    const record = declared()
      .add({ type: 'incident-changed', field: 'title', value: 'API 502s' })
      .add({ type: 'incident-changed', field: 'severity', value: 'SEV2' })
      .add({ type: 'incident-changed', field: 'status', value: 'identified' });
    expect(record.current).toMatchObject({ title: 'API 502s', severity: 'SEV2', status: 'identified' });
    expect(record.refusal({ type: 'incident-changed', field: 'status', value: 'identified' })).toMatch(/already identified/);
    expect(record.refusal({ type: 'incident-changed', field: 'status', value: 'panicking' })).toMatch(/not a status/);
    expect(record.refusal({ type: 'incident-changed', field: 'title', value: ' ' })).toMatch(/needs a title/);
  });

  it('sets milestones and corrects their time; the resolved milestone resolves the incident', () => {
    const record = declared().wait(60_000).add({ type: 'milestone-set', milestone: 'acknowledged', time: T0 + 60_000 });
    record.add({ type: 'milestone-set', milestone: 'acknowledged', time: T0 + 30_000 });
    expect(record.current.milestones).toEqual({ acknowledged: T0 + 30_000 });
    record.wait(60_000).add({ type: 'milestone-set', milestone: 'resolved', time: T0 + 120_000 });
    expect(record.current.status).toBe('resolved');
    expect(record.refusal({ type: 'milestone-set', milestone: 'party' as never, time: T0 })).toMatch(/not a milestone/);
    expect(record.refusal({ type: 'milestone-set', milestone: 'detected', time: Number.NaN })).toMatch(/needs a time/);
  });

  it('resolving stops the clock; reopening starts it again', () => {
    const record = declared().wait(90_000).add({ type: 'incident-changed', field: 'status', value: 'resolved' });
    expect(record.current.milestones.resolved).toBe(T0 + 90_000);
    expect(incidentElapsed(record.current, wallClockStamp(T0 + 3_600_000))).toBe(90_000);
    record.add({ type: 'incident-changed', field: 'status', value: 'monitoring' });
    expect(incidentElapsed(record.current, wallClockStamp(T0 + 3_600_000))).toBe(3_600_000);
  });

  it('keeps notes, marks follow-ups, and refuses an empty note or an unknown one', () => {
    const record = declared()
      .add({ type: 'incident-note', noteId: 'n1', text: 'Customer X reported first', followUp: false })
      .add({ type: 'follow-up-marked', noteId: 'n1', followUp: true });
    expect(record.current.notes).toMatchObject([{ id: 'n1', followUp: true }]);
    expect(record.refusal({ type: 'incident-note', noteId: 'n2', text: ' ', followUp: false })).toMatch(/needs text/);
    expect(record.refusal({ type: 'incident-note', noteId: 'n1', text: 'again', followUp: false })).toMatch(/already exists/);
    expect(record.refusal({ type: 'follow-up-marked', noteId: 'n9', followUp: true })).toMatch(/no note n9/);
  });

  it('refuses to write an event out of order or of another incident; a record holding one keeps it aside, with the reason', () => {
    const record = declared();
    const next = { type: 'incident-note', noteId: 'n', text: 't', followUp: false, incidentId: 'inc-1', at: T0, mono: 1, session: 's', writer: 'writer-a' } as const;
    const gapped = applyEvent(record.current, { ...next, seq: 3 });
    expect(!gapped.ok && gapped.error.message).toMatch(/should be event 2/);
    const other = replay([...record.events, { ...next, seq: 2, incidentId: 'inc-2' }]);
    expect(other.ok && other.state.unapplied.map((kept) => kept.reason)).toEqual([expect.stringMatching(/belongs to incident inc-2/)]);
    expect(other.ok && other.state.notes).toEqual([]);
    // Event 3 with no event 2 waits for it; once it arrives, both apply.
    const waiting = replay([...record.events, { ...next, seq: 3, noteId: 'n3' }]);
    expect(waiting.ok && waiting.state.waiting.map((event) => event.seq)).toEqual([3]);
    const complete = replay([...record.events, { ...next, seq: 3, noteId: 'n3' }, { ...next, seq: 2 }]);
    expect(complete.ok && complete.state.notes.map((note) => note.id)).toEqual(['n', 'n3']);
  });
});

describe('people and messages', () => {
  it('records calls and how they went, messages word for word, and a snooze with its reason', () => {
    const record = declared()
      .add({ type: 'contact-attempted', contactId: 'ada', name: 'Ada Quill', outcome: 'no-answer' })
      .add({ type: 'message-copied', templateId: 'templates/initial', templateTitle: 'Initial', format: 'plain', text: 'We are “investigating” 🔍\n日本語' })
      .wait(60_000)
      .add({ type: 'update-snoozed', minutes: 10, reason: 'waiting for the vendor' });
    expect(record.current.attempts).toMatchObject([{ contactId: 'ada', outcome: 'no-answer', at: T0 }]);
    expect(record.current.messages).toMatchObject([{ text: 'We are “investigating” 🔍\n日本語', format: 'plain' }]);
    expect(record.current.snoozes).toEqual([{ at: T0 + 60_000, minutes: 10 }]);
    expect(record.refusal({ type: 'contact-attempted', contactId: 'ada', name: 'Ada', outcome: 'maybe' as never })).toMatch(/not how a call ends/);
    expect(record.refusal({ type: 'message-copied', templateId: 't', templateTitle: 't', format: 'plain', text: ' ' })).toMatch(/empty message/);
    expect(record.refusal({ type: 'update-snoozed', minutes: 10, reason: '' })).toMatch(/needs a reason/);
    expect(record.refusal({ type: 'update-snoozed', minutes: 0, reason: 'x' })).toMatch(/1 minute to a day/);
  });

  it('the escalation chain runs from when the severity was set', () => {
    const record = declared().wait(120_000).add({ type: 'incident-changed', field: 'severity', value: 'SEV0' });
    expect(record.current.severitySince).toBe(T0 + 120_000);
  });
});

describe('a run', () => {
  it('starts with every step pending, then the first in progress', () => {
    const run = running().current.runs[0];
    expect(run.steps.map((step) => step.outcome)).toEqual(['active', 'pending', 'pending']);
    expect(run.current).toBe(0);
    expect(run.checks).toEqual([false, false]);
    expect(run.params).toEqual({ namespace: { secret: false }, service: { secret: false }, db_host: { secret: false }, db_password: { secret: true } });
  });

  it('refuses a runbook without steps and a run id used twice', () => {
    expect(declared().refusal({ type: 'run-started', runId: 'r', runbook: testRunbook({ steps: [] }) })).toMatch(/has no steps/);
    expect(running().refusal({ type: 'run-started', runId: 'run-1', runbook: testRunbook() })).toMatch(/already exists/);
  });

  it('done, skipped (with a reason) and failed (with a note) settle the step in progress', () => {
    const record = running()
      .wait(30_000)
      .add({ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 })
      .wait(5_000)
      .add({ type: 'step-skipped', runId: 'run-1', step: 1, reason: 'already restarted by the autoscaler' }, { type: 'step-started', runId: 'run-1', step: 2 })
      .add({ type: 'step-failed', runId: 'run-1', step: 2, note: 'password refused' });
    const [one, two, three] = record.current.runs[0].steps;
    expect(one).toMatchObject({ outcome: 'done' });
    expect(durationMs(one.startedAt!, one.endedAt!)).toBe(30_000);
    expect(two).toMatchObject({ outcome: 'skipped', reason: 'already restarted by the autoscaler' });
    expect(three).toMatchObject({ outcome: 'failed', reason: 'password refused' });
    expect(record.current.runs[0].current).toBe(2);
  });

  it('refuses a step done twice, a step not in progress, a skip without a reason and a failure without a note', () => {
    const record = running().add({ type: 'step-done', runId: 'run-1', step: 0 });
    expect(record.refusal({ type: 'step-done', runId: 'run-1', step: 0 })).toMatch(/step 1 is already done/);
    expect(record.refusal({ type: 'step-done', runId: 'run-1', step: 1 })).toMatch(/step 2 is not in progress/);
    expect(record.refusal({ type: 'step-done', runId: 'run-1', step: 7 })).toMatch(/no step 8/);
    expect(record.refusal({ type: 'step-started', runId: 'run-1', step: 0 })).toMatch(/step 1 is done; reopen it first/);
    record.add({ type: 'step-started', runId: 'run-1', step: 1 });
    expect(record.refusal({ type: 'step-started', runId: 'run-1', step: 1 })).toMatch(/already in progress/);
    expect(record.refusal({ type: 'step-skipped', runId: 'run-1', step: 1, reason: ' ' })).toMatch(/needs a reason/);
    expect(record.refusal({ type: 'step-failed', runId: 'run-1', step: 1, note: '' })).toMatch(/needs a note/);
    expect(record.refusal({ type: 'step-done', runId: 'run-9', step: 1 })).toMatch(/no run run-9/);
  });

  it('starting another step puts the one in progress back; reopening a settled step makes it current', () => {
    const record = running().add({ type: 'step-started', runId: 'run-1', step: 2 });
    expect(record.current.runs[0].steps.map((step) => step.outcome)).toEqual(['pending', 'pending', 'active']);
    record.add({ type: 'step-done', runId: 'run-1', step: 2 }, { type: 'step-reopened', runId: 'run-1', step: 2 });
    expect(record.current.runs[0].steps[2]).toMatchObject({ outcome: 'active', endedAt: undefined });
    expect(record.refusal({ type: 'step-reopened', runId: 'run-1', step: 0 })).toMatch(/not done, skipped or failed/);
  });

  it('keeps notes on steps and on the run, and commands copied as recorded', () => {
    const record = running()
      .add({ type: 'run-note', runId: 'run-1', step: 0, text: '3 pods in CrashLoopBackOff' })
      .add({ type: 'run-note', runId: 'run-1', text: 'paged the database lead' })
      .add({ type: 'command-copied', runId: 'run-1', step: 0, command: 'kubectl -n prod get pods' })
      .add({ type: 'command-copied', runId: 'run-1', command: 'kubectl -n prod rollout undo deploy/api' });
    const run = record.current.runs[0];
    expect(run.steps[0].notes.map((note) => note.text)).toEqual(['3 pods in CrashLoopBackOff']);
    expect(run.notes.map((note) => note.text)).toEqual(['paged the database lead']);
    expect(run.steps[0].commands.map((copy) => copy.command)).toEqual(['kubectl -n prod get pods']);
    expect(run.commands.map((copy) => copy.command)).toEqual(['kubectl -n prod rollout undo deploy/api']);
    expect(record.refusal({ type: 'run-note', runId: 'run-1', text: '' })).toMatch(/needs text/);
  });

  it('records parameter values, never a secret one', () => {
    const record = running().add({ type: 'param-set', runId: 'run-1', name: 'namespace', value: 'prod' }, { type: 'param-set', runId: 'run-1', name: 'db_password' });
    expect(record.current.runs[0].params.namespace).toEqual({ value: 'prod', secret: false });
    expect(record.current.runs[0].params.db_password).toEqual({ value: undefined, secret: true });
    expect(record.refusal({ type: 'param-set', runId: 'run-1', name: 'db_password', value: 'hunter2' })).toMatch(/secret: its value is never recorded/);
    expect(record.refusal({ type: 'param-set', runId: 'run-1', name: 'cluster', value: 'x' })).toMatch(/declares no parameter "cluster"/);
    expect(earlierValues(record.current)).toEqual({ namespace: 'prod' });
  });

  it('ticks checks; finishes completed only with every step settled and every check ticked', () => {
    const record = running();
    expect(record.refusal({ type: 'run-finished', runId: 'run-1', outcome: 'completed' })).toMatch(/3 steps are not done, skipped or failed/);
    record
      .add({ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 }, { type: 'step-done', runId: 'run-1', step: 1 })
      .add({ type: 'step-started', runId: 'run-1', step: 2 }, { type: 'step-done', runId: 'run-1', step: 2 })
      .add({ type: 'check-ticked', runId: 'run-1', check: 0, ticked: true });
    expect(record.refusal({ type: 'run-finished', runId: 'run-1', outcome: 'completed' })).toMatch(/1 verification check is not ticked/);
    expect(record.refusal({ type: 'check-ticked', runId: 'run-1', check: 0, ticked: true })).toMatch(/already ticked/);
    expect(record.refusal({ type: 'check-ticked', runId: 'run-1', check: 5, ticked: true })).toMatch(/no check 6/);
    record.add({ type: 'check-ticked', runId: 'run-1', check: 1, ticked: true }, { type: 'run-finished', runId: 'run-1', outcome: 'completed' });
    expect(record.current.runs[0].finished).toMatchObject({ outcome: 'completed' });
    expect(activeRuns(record.current)).toEqual([]);
  });

  it('aborts only with a reason, and a finished run takes nothing more (a note on it is refused)', () => {
    const record = running();
    expect(record.refusal({ type: 'run-finished', runId: 'run-1', outcome: 'aborted', reason: '' })).toMatch(/needs a reason/);
    record.add({ type: 'run-finished', runId: 'run-1', outcome: 'aborted', reason: 'wrong runbook' });
    expect(record.refusal({ type: 'run-note', runId: 'run-1', text: 'late note' })).toMatch(/is finished/);
    expect(record.refusal({ type: 'step-done', runId: 'run-1', step: 0 })).toMatch(/is finished/);
    expect(record.refusal({ type: 'command-copied', runId: 'run-1', command: 'ls' })).toMatch(/is finished/);
  });
});

describe('time', () => {
  it('replays in the order of the record after the wall clock jumps back, and times durations by the monotonic clock', () => {
    const record = running().wait(20_000).jumpWall(-3_600_000);
    record.add({ type: 'step-done', runId: 'run-1', step: 0 });
    const shuffled = [...record.events].reverse();
    const replayed = replay(shuffled);
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(replayed.state).toEqual(record.current);
    const step = replayed.state.runs[0].steps[0];
    expect(step.endedAt!.at).toBeLessThan(step.startedAt!.at);
    expect(durationMs(step.startedAt!, step.endedAt!)).toBe(20_000);
  });

  it('across a relaunch, durations come from the wall clock', () => {
    const record = running().wait(10_000).relaunch('session-b').wait(50_000);
    record.add({ type: 'step-done', runId: 'run-1', step: 0 });
    const step = record.current.runs[0].steps[0];
    expect(durationMs(step.startedAt!, step.endedAt!)).toBe(60_000);
  });

  it('an empty record is not an incident', () => {
    const replayed = replay([]);
    expect(!replayed.ok && replayed.error.message).toMatch(/empty/);
  });
});
