import { describe, expect, it } from 'vitest';
import { formatLintReport } from '../../../electron/lint-report';
import { runStats } from '../../../shared/incident/runs/run-stats';
import { runSummariesOf } from '../../../shared/incident/runs/run-summary';
import { libraryHealth } from '../../../shared/library/library-health';
import { parseLibrary } from '../../../shared/library/library-parser';
import { noteOrder, noteProblem, parseTags, restorable, type LocalNote, type NoteDraft } from '../../../shared/notes/local-note';
import { noteFile, noteFileName } from '../../../shared/notes/note-file';
import { calendarDate, reviewDueOn, reviewPeriod, reviewState } from '../../../shared/library/review';
import { TestRecord, testRunbook } from '../../support/incident-record';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const runbookText = (title: string, front = '') => `---\ntitle: ${title}\n${front}---\n# ${title}\n\n## Steps\n\n### Step 1: One\n\`\`\`bash\necho one\n\`\`\`\n\n### Step 2: Two\nDo it.\n`;
const library = parseLibrary(
  [
    { path: 'db/outage.md', text: runbookText('Database outage', 'owner: Database team\nlast_reviewed: 2026-10-02\nreview_every: quarterly\nrelated: [db/nowhere]\n') },
    { path: 'api/restart.md', text: runbookText('Restart the API', 'last_reviewed: 2025-11-01\n').replace('echo one', 'kubectl -n {{namespace}} rollout restart deploy/{{ service }} -o go-template="{{.status}}"') },
    { path: 'notes/orphan.md', text: '---\ntitle: Old tip\nkind: tip\nrunbooks: [db/gone]\n---\nStill useful?' },
    { path: 'notes/step.md', text: '---\ntitle: Step tip\nkind: tip\nrunbooks: [db/outage]\nstep: 7\n---\nThere is no step 7.' },
  ],
  source,
);

describe('a local note', () => {
  const draft: NoteDraft = { title: 'Check the replica lag first', kind: 'warning', body: 'Promote the replica with the **smallest** lag.', tags: ['postgres'], runbooks: ['db/outage'], step: 2, pinned: false };
  const ids = new Set(library.runbooks.map((runbook) => runbook.id));

  it('needs a title, a body, a known kind, runbooks that exist, a step of its first runbook and single-word tags', () => {
    expect(noteProblem(draft, ids)).toBeUndefined();
    expect(noteProblem({ ...draft, title: ' ' }, ids)).toMatch(/title/);
    expect(noteProblem({ ...draft, body: '' }, ids)).toMatch(/Write what/);
    expect(noteProblem({ ...draft, kind: 'rumour' as never }, ids)).toMatch(/kind is one of/);
    expect(noteProblem({ ...draft, runbooks: ['db/gone'] }, ids)).toMatch(/No runbook “db\/gone”/);
    expect(noteProblem({ ...draft, runbooks: [], step: 2 }, ids)).toMatch(/step belongs/);
    expect(noteProblem({ ...draft, tags: ['two words'] }, ids)).toMatch(/single words/);
    expect(parseTags('DB, postgres  failover,db')).toEqual(['db', 'postgres', 'failover']);
  });

  it('exports as a notes/ file that lints clean and parses back into the same note', () => {
    const text = noteFile({ ...draft, title: 'Check the replica: lag “first” #1', pinned: true, tags: ['postgres', 'ha'] });
    expect(noteFileName({ title: 'Check the replica: lag “first” #1' })).toBe('check-the-replica-lag-first-1.md');
    const path = `notes/${noteFileName({ title: 'x' })}`;
    const parsed = parseLibrary([...library.runbooks.map((runbook) => ({ path: runbook.path, text: runbookText(runbook.title) })), { path, text }], source);
    expect(parsed.problems).toEqual([]);
    expect(formatLintReport(parsed, '2026-11-23').errors).toBe(0);
    expect(parsed.notes[0]).toEqual({ id: 'notes/x', path, title: 'Check the replica: lag “first” #1', kind: 'warning', pinned: true, tags: ['postgres', 'ha'], runbooks: ['db/outage'], step: 2, body: draft.body });
  });

  it('sorts warnings first, then pinned, then helpful; a deleted note can be restored for 30 days', () => {
    const note = (title: string, fields: Partial<LocalNote & { helpful: boolean }>) => ({ id: title, path: '', title, kind: 'tip' as const, pinned: false, tags: [], runbooks: [], body: '', ...fields });
    const sorted = [note('plain', {}), note('helpful', { helpful: true }), note('pinned', { pinned: true }), note('warning', { kind: 'warning' })].sort(noteOrder);
    expect(sorted.map((item) => item.title)).toEqual(['warning', 'pinned', 'helpful', 'plain']);
    const deleted = { ...note('gone', {}), createdAt: '', updatedAt: '', runbookHashes: {}, deletedAt: '2026-11-01T00:00:00Z' };
    expect(restorable(deleted, Date.parse('2026-11-30T00:00:00Z'))).toBe(true);
    expect(restorable(deleted, Date.parse('2026-12-02T00:00:00Z'))).toBe(false);
  });
});

describe('review dates', () => {
  it('reads every review_every form', () => {
    expect(['weekly', 'fortnightly', 'monthly', 'quarterly', 'half-yearly', 'biannually', 'yearly', 'annually', '90 days', '2 weeks', '6 months', '1 year', '3m', 'sometimes', '0 days'].map(reviewPeriod)).toEqual([
      { days: 7 }, { days: 14 }, { months: 1 }, { months: 3 }, { months: 6 }, { months: 6 }, { months: 12 }, { months: 12 }, { days: 90 }, { days: 14 }, { months: 6 }, { months: 12 }, { months: 3 }, undefined, undefined,
    ]);
  });

  it('counts by the calendar, clamping to the month’s end, leap years included', () => {
    expect(reviewDueOn('2026-11-30', 'quarterly')).toBe('2027-02-28');
    expect(reviewDueOn('2027-11-30', 'quarterly')).toBe('2028-02-29');
    expect(reviewDueOn('2024-02-29', 'yearly')).toBe('2025-02-28');
    expect(reviewDueOn('2024-02-29', '4 years')).toBe('2028-02-29');
    expect(reviewDueOn('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(reviewDueOn('2026-12-30', '2 weeks')).toBe('2027-01-13');
  });

  it('says when a date is missing or malformed, and falls back to quarterly for an unknown period', () => {
    expect(reviewState(undefined, 'quarterly', '2026-11-23')).toEqual({ state: 'never', text: 'never reviewed' });
    expect(reviewState('2026-02-30', 'quarterly', '2026-11-23').state).toBe('malformed');
    expect(reviewState('last week', 'quarterly', '2026-11-23').text).toMatch(/is not a date/);
    expect(calendarDate('2026-11-23T10:00:00Z')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(reviewState('2026-10-02', 'whenever', '2026-11-23')).toEqual({ state: 'current', dueOn: '2027-01-02', text: 'next review by 2027-01-02 (review_every “whenever” is not a period; quarterly used)' });
    expect(reviewState('2026-08-23', 'quarterly', '2026-11-23')).toMatchObject({ state: 'due', dueOn: '2026-11-23' });
  });
});

describe('library health', () => {
  it('finds runbooks due for review by owner, without an owner, dangling related links, orphan notes and undeclared parameters', () => {
    const findings = libraryHealth(library, '2026-11-23');
    expect(findings.map((finding) => [finding.check, finding.id, finding.owner ?? '', finding.text])).toEqual([
      ['review-due', 'api/restart', 'no owner', 'Restart the API: review due since 2026-02-01'],
      ['no-owner', 'api/restart', '', 'Restart the API has no owner'],
      ['undeclared-param', 'api/restart', '', 'Restart the API: {{namespace}} is used in a command but not declared in params'],
      ['undeclared-param', 'api/restart', '', 'Restart the API: {{service}} is used in a command but not declared in params'],
      ['dangling-related', 'db/outage', '', 'Database outage: related runbook “db/nowhere” does not exist'],
      ['orphan-note', 'notes/orphan', '', 'Old tip: attached to “db/gone”, which does not exist'],
      ['orphan-note', 'notes/step', '', 'Step tip: step 7 of “db/outage” does not exist (it has 2)'],
    ]);
  });

  it('lint prints them, and fails on them only with --strict', () => {
    expect(formatLintReport(library, '2026-11-23').errors).toBe(0);
    expect(formatLintReport(library, '2026-11-23', true).errors).toBe(7);
    expect(formatLintReport(library, '2026-11-23').text).toContain('health: Without an owner: api/restart.md: Restart the API has no owner');
  });
});

describe('how runbooks fared in this machine’s runs', () => {
  it('counts runs, outcomes, the last run, and the steps skipped or failed', () => {
    const first = new TestRecord('inc-a')
      .add({ type: 'incident-declared', title: 'A', severity: 'P1' })
      .add({ type: 'run-started', runId: 'r1', runbook: testRunbook() }, { type: 'step-started', runId: 'r1', step: 0 })
      .add({ type: 'step-skipped', runId: 'r1', step: 0, reason: 'no pods' }, { type: 'run-finished', runId: 'r1', outcome: 'aborted', reason: 'wrong runbook' });
    const second = new TestRecord('inc-b').wait(86_400_000).add({ type: 'incident-declared', title: 'B', severity: 'P2' });
    second.add({ type: 'run-started', runId: 'r2', runbook: testRunbook() }, { type: 'step-started', runId: 'r2', step: 0 }, { type: 'step-failed', runId: 'r2', step: 0, note: 'timeout' });
    const stats = runStats([first.current, second.current].flatMap(runSummariesOf)).get('incident-response/restart-api');
    expect(stats).toEqual({ runs: 2, completed: 0, aborted: 1, lastRunAt: second.at, troubledSteps: [{ title: 'Check the pods', skipped: 1, failed: 1 }] });
  });
});
