import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/library/front-matter';
import { parseRunbook } from '../../../shared/library/runbook-parser';
import { runbookProcedures } from '../../../shared/library/document/procedures';
import { MAX_ROLLBACKS, recoveryParts } from '../../../shared/library/document/recovery-parts';
import { troubleshootingFor } from '../../../shared/library/markdown/runbook-sections';
import { runbookCopy } from '../../../shared/incident/runbook-copy';
import { eventProblem } from '../../../shared/incident/journal';
import type { LibraryMeta, Runbook } from '../../../shared/model';
import { LIMIT, NAMED_CASES, pathological } from '../../support/pathological-inputs';

const root = new URL('../../../', import.meta.url).pathname;
const library: LibraryMeta = { version: 'v1', source: { kind: 'bundled' } } as LibraryMeta;

function parseFile(path: string, text: string): Runbook {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new Error(split.reason);
  return parseRunbook(path, split.data, split.body);
}

const operations = () => parseFile('paydesk/OPERATIONS_RUNBOOK.md', readFileSync(join(root, 'test/fixtures/team-docs/paydesk/OPERATIONS_RUNBOOK.md'), 'utf8'));

/** The run's copy of the procedure titled `title`, as the run screen gets it when the responder picks it. */
function runOf(runbook: Runbook, title: string) {
  const index = runbook.procedures.findIndex((procedure) => procedure.title === title);
  if (index < 0) throw new Error(`no procedure "${title}"`);
  return runbookCopy(runbook, new Map(), library, index);
}

describe('what a run of one procedure of a document offers when a step fails', () => {
  it('offers the Resolution written after the investigation steps of Database Connection Issues, without its steps', () => {
    const copy = runOf(operations(), 'Database Connection Issues');
    const own = copy.recovery?.find((part) => part.kind === 'procedure');
    expect(own?.heading).toBe('Database Connection Issues');
    expect(own?.section).toBe('database-connection-issues');
    expect(own?.markdown.startsWith('**Resolution**:')).toBe(true);
    expect(own?.markdown).toContain('Connection limit reached');
    expect(own?.markdown).not.toContain('pg_stat_activity');
    expect(own?.markdown).not.toContain('```');
    // Nothing of the next part of the document (its rule, the next chapter) comes with it.
    expect(own?.markdown).not.toContain('---');
    expect(own?.markdown).not.toContain('Restore');
  });

  it('offers the rollbacks of the document, each under its own heading with its place, the fenced commands whole', () => {
    const copy = runOf(operations(), 'Database Connection Issues');
    const rollbacks = copy.recovery?.filter((part) => part.kind === 'rollback') ?? [];
    expect(rollbacks.map((part) => [part.heading, part.section])).toEqual([
      ['Deploy New Version › Rollback Procedure', 'deploy-new-version'],
      ['Roll Back Deployment', 'roll-back-deployment'],
    ]);
    expect(rollbacks[0].markdown).toContain('git checkout <previous-commit-hash>');
    expect(rollbacks[0].markdown.trimEnd().endsWith('```')).toBe(true);
    expect(rollbacks[1].markdown).toContain('git checkout <commit-hash>');
    expect(rollbacks[1].markdown).toContain('**When to Roll Back**');
    // The document-wide Rollback text of a runbook of one procedure stays empty: the panel shows `recovery`.
    expect(copy.rollback).toBe('');
  });

  it('offers the Resolution of Payment Errors Spiking, whose last command sits in a block with a remark after it', () => {
    const own = runOf(operations(), 'Payment Errors Spiking').recovery?.[0];
    expect(own?.kind).toBe('procedure');
    expect(own?.markdown).toContain('switch to the backup processor');
    expect(own?.markdown).not.toContain('SELECT 1');
  });

  it('shows a procedure its own rollback block once, as part of its section, and never offers a rollback procedure itself', () => {
    const runbook = operations();
    const deploy = runOf(runbook, 'Deploy New Version').recovery ?? [];
    expect(deploy[0].kind).toBe('procedure');
    expect(deploy[0].markdown).toContain('**Rollback Procedure**:');
    expect(deploy.filter((part) => part.kind === 'rollback').map((part) => part.heading)).toEqual(['Roll Back Deployment']);
    const rollBack = runOf(runbook, 'Roll Back Deployment').recovery ?? [];
    expect(rollBack.map((part) => part.heading)).toEqual(['Deploy New Version › Rollback Procedure']);
  });

  it('leaves a runbook that is one procedure as it was copied before: its Rollback section, no recovery', () => {
    const runbook = parseFile('db/failover.md', '---\ntitle: Failover\n---\n## Steps\n1. Promote the replica\n2. Point the app at it\n\n## Rollback\nPoint the app back.\n');
    const copy = runbookCopy(runbook, new Map(), library);
    expect(copy.rollback).toBe('Point the app back.');
    expect(copy).not.toHaveProperty('recovery');
  });

  it('keeps the Troubleshooting help of the document for a run of one of its procedures', () => {
    const body = [
      '# Platform Runbook',
      '## Cache Flush',
      '```bash',
      '# 1. Drain the cache nodes',
      'cachectl drain --all',
      '# 2. Flush them',
      'cachectl flush',
      '```',
      '## Queue Restart',
      '1. Stop the consumers',
      '2. Restart the broker',
      '## Troubleshooting',
      '- **Drain hangs**: a node holds a lock; `cachectl unlock` it first.',
      '- **Broker will not start**: its disk is full.',
    ].join('\n');
    const copy = runOf(parseFile('ops/platform.md', body), 'Cache Flush');
    const help = troubleshootingFor(copy.body, ['Drain the cache nodes', 'cachectl drain --all']);
    expect(help?.matched).toBe(true);
    expect(help?.markdown).toContain('cachectl unlock');
  });

  it('is recorded in the journal as a run copy, and a malformed one is refused', () => {
    const runbook = runOf(operations(), 'Database Connection Issues');
    const event = { type: 'run-started', incidentId: 'inc-20260101-0000-abcd', seq: 2, at: 1, mono: 1, session: 's', runId: 'r1', runbook };
    expect(eventProblem(JSON.parse(JSON.stringify(event)))).toBeUndefined();
    expect(eventProblem({ ...event, runbook: { ...runbook, recovery: undefined } })).toBeUndefined();
    expect(eventProblem({ ...event, runbook: { ...runbook, recovery: [{ heading: 'x' }] } })).toBe('runbook: its recovery is malformed');
    expect(eventProblem({ ...event, runbook: { ...runbook, recovery: 'x' } })).toBe('runbook: its recovery is malformed');
  });
});

describe('recovery parts of hostile documents', () => {
  const everyProcedure = (body: string) => {
    const found = runbookProcedures(body, 'T').slice(0, 20);
    return found.map((procedure) => recoveryParts(body, found, procedure));
  };

  it('returns a bounded list, without throwing, for pathological bodies up to the size limit', () => {
    fc.assert(
      fc.property(pathological, (body) => {
        for (const parts of everyProcedure(body)) expect(parts.length).toBeLessThanOrEqual(MAX_ROLLBACKS + 1);
      }),
      { numRuns: 25 },
    );
  });

  it('stays fast with tens of thousands of rollback sections and rollback labels', () => {
    const cases = {
      ...NAMED_CASES,
      'rollback headings': `## Fix\n1. Do it\n${'## Rollback\n- undo\n'.repeat(LIMIT / 20)}`,
      'rollback labels': `## Fix\n1. Do it\n${'## Part\n**Rollback**:\n1. undo\n'.repeat(LIMIT / 32)}`,
      'empty rollback headings': `## Fix\n1. Do it\n${'## Rollback\n'.repeat(LIMIT / 12)}`,
    };
    for (const [name, body] of Object.entries(cases)) {
      const started = performance.now();
      const found = runbookProcedures(body, 'T');
      const first = found[0];
      const parts = first ? recoveryParts(body, found, first) : [];
      expect(parts.length, name).toBeLessThanOrEqual(MAX_ROLLBACKS + 1);
      expect(performance.now() - started, name).toBeLessThan(4000);
    }
  });
});
