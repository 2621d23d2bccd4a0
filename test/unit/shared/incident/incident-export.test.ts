import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportIncidentMarkdown } from '../../../../shared/incident/incident-export';
import { journalLine, readJournal } from '../../../../shared/incident/journal';
import { formatClock, formatDuration, parseUtcInput, utcOffset } from '../../../../shared/incident/time-format';
import { T0, TestRecord, testRunbook } from '../../../support/incident-record';

const EXPECTED = new URL('../../../fixtures/incident-export/expected.md', import.meta.url);

/** An incident with every kind of event: two runs (one completed with a skip, one failed then aborted), notes, a follow-up, milestones and a clock jump. */
function anIncident() {
  const record = new TestRecord('inc-2026-11-23')
    .add({ type: 'incident-declared', title: 'Checkout API returns 502', severity: 'SEV1' })
    .add({ type: 'milestone-set', milestone: 'detected', time: T0 - 4 * 60_000 })
    .wait(45_000)
    .add({ type: 'milestone-set', milestone: 'acknowledged', time: T0 + 45_000 })
    .add({ type: 'contact-attempted', contactId: 'ada-quill', name: 'Ada Quill', outcome: 'no-answer' })
    .add({ type: 'contact-attempted', contactId: 'bram-okafor', name: 'Bram Okafor', outcome: 'reached', note: 'on his way' })
    .add({ type: 'message-copied', templateId: 'templates/initial', templateTitle: 'Initial incident notice', format: 'markdown', text: '**[SEV1] Investigating: Checkout**\n\nImpact: 1 in 3 payments “fail” 💳 — 決済\n\nNext update in 30 minutes.' })
    .add({ type: 'update-snoozed', minutes: 15, reason: 'waiting for the database team' })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 })
    .add({ type: 'param-set', runId: 'run-1', name: 'namespace', value: 'prod' }, { type: 'param-set', runId: 'run-1', name: 'service', value: 'checkout' }, { type: 'param-set', runId: 'run-1', name: 'db_password' })
    .wait(20_000)
    .add({ type: 'command-copied', runId: 'run-1', step: 0, command: 'kubectl -n prod get pods -o go-template="{{.status.phase}}"' })
    .wait(70_000)
    .add({ type: 'run-note', runId: 'run-1', step: 0, text: '3 of 5 pods | CrashLoopBackOff' })
    .add({ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 })
    .wait(30_000)
    .add({ type: 'step-skipped', runId: 'run-1', step: 1, reason: 'the autoscaler already replaced the pods' }, { type: 'step-started', runId: 'run-1', step: 2 })
    // The laptop's clock is corrected back by two minutes: the record keeps its order.
    .jumpWall(-120_000)
    .wait(40_000)
    .add({ type: 'command-copied', runId: 'run-1', step: 2, command: 'PGPASSWORD=•••••• psql -h  -c "select 1"' })
    .add({ type: 'step-done', runId: 'run-1', step: 2 })
    .add({ type: 'check-ticked', runId: 'run-1', check: 0, ticked: true }, { type: 'check-ticked', runId: 'run-1', check: 1, ticked: true })
    .add({ type: 'run-finished', runId: 'run-1', outcome: 'completed' })
    .add({ type: 'incident-changed', field: 'status', value: 'identified' })
    .add({ type: 'incident-note', noteId: 'n1', text: 'Pods ran out of memory after the 02:00 deploy', followUp: false })
    .add({ type: 'incident-note', noteId: 'n2', text: 'Add a memory alert\nbefore the pods crash', followUp: true })
    .add({ type: 'run-started', runId: 'run-2', runbook: testRunbook({ id: 'release/release-rollback', title: 'Roll back a release', version: undefined, libraryCommit: undefined, libraryVersion: 'bundled-9' }) })
    .add({ type: 'step-started', runId: 'run-2', step: 0 })
    .wait(15_000)
    .add({ type: 'step-failed', runId: 'run-2', step: 0, note: 'kubectl: forbidden' })
    .add({ type: 'command-copied', runId: 'run-2', command: 'echo ```fenced```' })
    .add({ type: 'run-finished', runId: 'run-2', outcome: 'aborted', reason: 'rolled forward instead' })
    .wait(300_000)
    .add({ type: 'milestone-set', milestone: 'mitigated', time: T0 + 400_000 })
    .add({ type: 'incident-changed', field: 'severity', value: 'SEV2' })
    .wait(600_000)
    .add({ type: 'incident-changed', field: 'status', value: 'resolved' });
  return record;
}

describe('the postmortem export', () => {
  it('is exactly the stored expected Markdown', () => {
    const record = anIncident();
    const markdown = exportIncidentMarkdown(record.current, record.events, {
      appVersion: '0.1.0',
      responder: 'Ada Lovelace',
      timeZone: 'Europe/Amsterdam',
      library: { version: 'lib-v2', commit: 'b7e1f00d2c3a4b5c6d7e8f9012345678abcdef01' },
      changedRuns: new Set(['run-1']),
    });
    // FAILSAFE_UPDATE_EXPECTED=1 rewrites the file after a deliberate change of format; read the diff.
    if (process.env.FAILSAFE_UPDATE_EXPECTED) writeFileSync(EXPECTED, markdown);
    expect(markdown).toBe(readFileSync(EXPECTED, 'utf8'));
  });

  it('counts every span between the times it prints as a reader would from them, to the second', () => {
    // Declared at 02:14:05.100, detected at 02:10:11.900, acknowledged at 02:31:43.000: the ms between
    // them are 3m 53.2s, 17m 37.9s and 21m 31.1s; the printed times say 3m 54s, 17m 38s and 21m 32s.
    const record = new TestRecord()
      .wait(100)
      .add({ type: 'incident-declared', title: 'Checkout down', severity: 'SEV1' })
      .add({ type: 'milestone-set', milestone: 'detected', time: T0 - 233_100 })
      .add({ type: 'milestone-set', milestone: 'acknowledged', time: T0 + 1_058_000 })
      .wait(91_000)
      .add({ type: 'incident-changed', field: 'status', value: 'resolved' });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    expect(markdown).toContain('| detected | 2026-11-23 02:10:11 UTC (02:10:11 local), given later, at 2026-11-23 02:14:05 UTC | 3m 54s before |  |');
    expect(markdown).toContain('| acknowledged | 2026-11-23 02:31:43 UTC (02:31:43 local), given later, at 2026-11-23 02:14:05 UTC | 17m 38s | 21m 32s |');
  });

  it('says so when nothing was run, no milestone set and no step deviated', () => {
    const record = new TestRecord().add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    expect(markdown).toContain('| Last event | 2026-11-23 02:14:05 UTC (02:14:05 local), 0s after the declaration |');
    expect(markdown).toContain('| Library | bundled, version v1 |');
    expect(markdown).not.toContain('Responder');
    for (const line of ['No milestone was set.', 'No runbook was run.', 'None: every step was done as written.', 'None.']) expect(markdown).toContain(line);
  });

  it('says a run’s runbook is no longer in the library when a sync removed it, not that it changed', () => {
    const record = new TestRecord().add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' }).add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v2' }, changedRuns: new Set(), removedRuns: new Set(['run-1']) });
    expect(markdown).toContain('the runbook is no longer in the library (removed since this run started)');
    expect(markdown).not.toContain('has changed in the library');
  });

  it('lists a run still open when the incident was resolved among the deviations, not before', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' })
      .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 }, { type: 'step-done', runId: 'run-1', step: 0 });
    const open = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    expect(open).not.toContain('still running when the incident was resolved');
    record.add({ type: 'incident-changed', field: 'status', value: 'resolved' });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    expect(markdown).toContain(`- “${record.current.runs[0].runbook.title}”: still running when the incident was resolved, 1 of ${record.current.runs[0].steps.length} steps settled`);
  });

  it('does not say "Follow-up:" twice for a follow-up typed as one, and keeps the typed words', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' })
      .add({ type: 'incident-note', noteId: 'n1', text: 'follow-up: raise the pool size', followUp: true })
      .add({ type: 'incident-note', noteId: 'n2', text: 'Follow-up: the pager was silent', followUp: false })
      .add({ type: 'incident-note', noteId: 'n3', text: 'Note: pool at 100%', followUp: false });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    expect(markdown).toContain('UTC: follow-up: raise the pool size\n');
    expect(markdown).toContain('UTC: Note: Follow-up: the pager was silent\n');
    expect(markdown).toContain('UTC: Note: pool at 100%\n');
    expect(markdown).not.toMatch(/Follow-up: follow-up:|Note: Note:/i);
  });

  it('says when the library was synced during the incident, and what changed, in the timeline; a journal line of it reads back', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' })
      .add({ type: 'library-synced', version: 'v2', commit: '5ef4efb15f536ddfe3db7e41ddb5cc911b0317e0', summary: '5 runbooks added, 22 removed' });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v2' }, changedRuns: new Set() });
    expect(markdown).toContain('UTC: Library synced to commit 5ef4efb1: 5 runbooks added, 22 removed (runs already started keep their copies)\n');
    const read = readJournal(record.events.map((event) => `${journalLine(event)}\n`).join(''));
    expect(read.problems).toEqual([]);
    expect(read.events).toEqual(record.events);
    expect(record.refusal({ type: 'library-synced', version: 'v3', summary: ' ' })).toMatch(/says what changed/);
  });

  it('says a parameter left empty was empty, in the timeline as in the run', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' })
      .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'param-set', runId: 'run-1', name: 'namespace', value: '' });
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    expect(markdown).toContain('parameter namespace = (empty)\n');
    expect(markdown).toContain('- Parameters: namespace = (empty)');
  });
});

describe('times', () => {
  it('shows UTC and local time with the zone offset, summer and winter', () => {
    expect(formatClock(Date.UTC(2026, 6, 1, 23, 30, 0), 'Europe/Amsterdam')).toBe('2026-07-01 23:30:00 UTC (2026-07-02 01:30:00 local)');
    expect(utcOffset(Date.UTC(2026, 6, 1), 'Europe/Amsterdam')).toBe('UTC+02:00');
    expect(utcOffset(Date.UTC(2026, 0, 1), 'America/St_Johns')).toBe('UTC-03:30');
    expect(utcOffset(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe('UTC+05:30');
  });

  it('formats durations', () => {
    expect([45_000, 725_000, 3_725_000, -5].map(formatDuration)).toEqual(['45s', '12m 05s', '1h 02m 05s', '0s']);
  });

  it('reads a corrected time typed in UTC, and refuses an impossible one', () => {
    expect(parseUtcInput('2026-11-23 02:10', T0)).toBe(Date.UTC(2026, 10, 23, 2, 10));
    expect(parseUtcInput('02:10:30 UTC', T0)).toBe(Date.UTC(2026, 10, 23, 2, 10, 30));
    expect(parseUtcInput('2026-02-30 02:10', T0)).toBeUndefined();
    expect(parseUtcInput('25:00', T0)).toBeUndefined();
    expect(parseUtcInput('soon', T0)).toBeUndefined();
  });
});
