import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/library/front-matter';
import { parseRunbook } from '../../../shared/library/runbook-parser';
import { procedures, runbookProcedures } from '../../../shared/library/document/procedures';
import { numberedComment } from '../../../shared/library/document/numbered-comment';
import { stepCommands, stepMarkdown } from '../../../shared/library/markdown/runbook-steps';
import { sectionOutline } from '../../../shared/library/markdown/section-outline';
import { snapshotProblem } from '../../../shared/library/snapshot-validation';
import { parseLibrary } from '../../../shared/library/library-parser';
import { LIMIT, pathological } from '../../support/pathological-inputs';
import type { Runbook, RunbookProcedure } from '../../../shared/model';

const root = new URL('../../../', import.meta.url).pathname;

function parseFile(path: string, text: string): Runbook {
  const split = splitFrontMatter(text);
  if (!split.ok) throw new Error(split.reason);
  return parseRunbook(path, split.data, split.body);
}

const teamDoc = (path: string) => parseFile(path, readFileSync(join(root, 'test/fixtures/team-docs', path), 'utf8'));
const named = (runbook: Runbook, title: string) => {
  const found = runbook.procedures.find((procedure) => procedure.title === title);
  if (!found) throw new Error(`no procedure "${title}" in ${runbook.procedures.map((procedure) => procedure.title).join(', ')}`);
  return found;
};
const titles = (procedure: RunbookProcedure) => procedure.steps.map((step) => step.title);
const parse = (body: string) => parseFile('team/ops.md', body);

describe('procedures of the team documents', () => {
  it('reads the commented command blocks of an Operations Runbook as steps holding their own commands', () => {
    const runbook = teamDoc('paydesk/OPERATIONS_RUNBOOK.md');
    const rollBack = named(runbook, 'Roll Back Deployment');
    expect(rollBack).toMatchObject({ section: 'roll-back-deployment', parents: ['Common Operations'] });
    expect(titles(rollBack)).toEqual(['Find the last good release', 'Check it out', 'Rebuild containers', 'Restart services', 'Check health']);
    expect(stepCommands(runbook, rollBack.steps[1])).toEqual(['git checkout <commit-hash>']);
    // A step whose lines under the comment are only remarks shows them as text, with nothing to copy.
    const verify = named(runbook, 'Post-Deployment Verification');
    expect(stepMarkdown(runbook, verify.steps[1])).toBe('Open the Paydesk project');
    expect(stepCommands(runbook, verify.steps[1])).toEqual([]);
  });

  it('makes a Rollback Procedure label inside a section a procedure of its own, under that section', () => {
    const runbook = teamDoc('paydesk/OPERATIONS_RUNBOOK.md');
    const deploy = runbook.procedures.filter((procedure) => procedure.section === 'deploy-new-version');
    expect(deploy.map((procedure) => [procedure.title, procedure.steps.length])).toEqual([['Deploy New Version', 6], ['Rollback Procedure', 3]]);
    expect(deploy[1].parents).toEqual(['Common Operations', 'Deploy New Version']);
    expect(stepCommands(runbook, deploy[1].steps[0])).toEqual(['git checkout <previous-commit-hash>']);
  });

  it('never makes a table of contents, an overview, a severity table or contacts a procedure', () => {
    for (const path of ['paydesk/OPERATIONS_RUNBOOK.md', 'stockroom/OPERATIONS_RUNBOOK.md']) {
      const runbook = teamDoc(path);
      const all = runbook.procedures.flatMap((procedure) => [procedure.title, ...titles(procedure)]);
      for (const word of ['Table of Contents', 'Common Operations', 'Overview', 'Severity Levels', 'Contact Information', 'Write a runbook per warehouse integration']) expect(all).not.toContain(word);
      expect(runbook.steps).toEqual(runbook.procedures[0].steps);
    }
  });

  it('reads numbered lists under bold labels and checklists of the second Operations Runbook', () => {
    const runbook = teamDoc('stockroom/OPERATIONS_RUNBOOK.md');
    expect(titles(named(runbook, 'Incident Process'))).toEqual(['Detect', 'Triage', 'Mitigate', 'Resolve', 'Communicate', 'Review']);
    expect(titles(named(runbook, 'Production'))).toEqual(['Open the release pull request', 'Get two approvals', 'Merge to main', 'Pipeline deploys to production', 'Watch the error rate for twenty minutes', 'Check the health endpoint']);
    expect(named(runbook, 'Pre-Deployment Checklist').steps).toHaveLength(6);
    // A block of unnumbered comments is a list of commands to pick from, not a procedure.
    expect(runbook.procedures.map((procedure) => procedure.title)).not.toContain('Health Checks');
  });

  it('reads the #### procedures of a numbered-sections runbook, list items keeping their nested commands', () => {
    const runbook = teamDoc('coursework/operational-runbooks.md');
    const down = named(runbook, 'Course Pages Down');
    expect(down.parents).toEqual(['3. Incident Response Runbooks', '3.1 Critical Incidents (P1)']);
    expect(down.steps).toHaveLength(7);
    expect(down.steps[4].title).toBe('Restart the API');
    // Its commands are inline code in the numbered lines: each step's own is what it copies.
    expect(down.steps.map((step) => stepCommands(runbook, step))).toEqual([
      [],
      ['docker logs coursework-api --tail 200'],
      ['docker compose exec db pg_isready -U coursework'],
      ['docker compose exec cache redis-cli ping'],
      ['docker compose restart api'],
      [],
      [],
    ]);
    const updates = named(runbook, 'Application Updates');
    expect(titles(updates)).toEqual(['Before the update', 'Update', 'After the update']);
    expect(stepCommands(runbook, updates.steps[1])[0]).toContain('docker build -t coursework-api:<version> .');
    const all = runbook.procedures.map((procedure) => procedure.title);
    for (const word of ['1. Overview', 'Dashboard Review', 'Handy Commands', '8.2 Related Documents', '9. Change Log']) expect(all).not.toContain(word);
  });

  it('reads the runbooks an implementation plan writes out in Markdown blocks, not the template', () => {
    const runbook = teamDoc('mobile/step-6.2-release-runbooks.md');
    const embedded = runbook.procedures.filter((procedure) => procedure.section === 'task-622-the-three-release-runbooks');
    expect(embedded.map((procedure) => procedure.title)).toEqual(['Store Rollout Runbook', 'Halt Rollout Runbook', 'Signing Key Leak Runbook']);
    expect(titles(embedded[1])).toEqual(['Halt Both Stores', 'Turn Off the Feature', 'Plan the Fix']);
    expect(embedded[1].verification).toEqual(['Rollout paused in both stores', 'Crash rate falling']);
    expect(stepMarkdown(runbook, embedded[1].steps[1])).toBe('1. Switch off the new feature\'s remote flag\n2. Confirm the flag change reached the flag service');
    expect(runbook.procedures.map((procedure) => procedure.title)).not.toContain('[Procedure Name]');
    expect(runbook.procedures.map((procedure) => procedure.title)).not.toContain('New Files');
  });

  it('makes a status report a document, though it describes procedures and numbers its lists', () => {
    const report = teamDoc('billing/TASK_9.4_BILLING_RUNBOOKS_COMPLETE.md');
    expect(report.procedures).toEqual([]);
    expect(report.steps).toEqual([]);
    expect(report.verification).toEqual([]);
  });
});

describe('procedures, rule by rule', () => {
  it('keeps a bundled runbook one procedure of the whole file, with the steps it always had', () => {
    const folder = join(root, 'runbooks');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md') && !/^(notes|templates)\//.test(path) && path !== 'README.md' && statSync(join(folder, path)).isFile());
    expect(files.length).toBeGreaterThan(15);
    for (const path of files) {
      const runbook = parseFile(path, readFileSync(join(folder, path), 'utf8'));
      expect(runbook.procedures.map((procedure) => procedure.section), path).toEqual(['']);
      expect(runbook.procedures[0].title).toBe(runbook.title);
      expect(runbook.steps.length, path).toBeGreaterThan(1);
    }
  });

  it('makes checklists after the steps, or under a Verification label or heading, the checks', () => {
    const runbook = parse(['# Ops', '## Restart', '1. Stop it', '2. Start it', '- [ ] It answers', '## Renew', '- [ ] Expiry checked', '1. Renew', '**Verification**:', '- [ ] New date', '## Rotate', '1. Rotate', '2. Restart', '### Verify', '- [ ] Old key refused'].join('\n'));
    expect(runbook.procedures.map((procedure) => [procedure.title, titles(procedure), procedure.verification])).toEqual([
      ['Restart', ['Stop it', 'Start it'], ['It answers']],
      ['Renew', ['Expiry checked', 'Renew'], ['New date']],
      ['Rotate', ['Rotate', 'Restart'], ['Old key refused']],
    ]);
  });

  it('takes a section with a Steps sub-heading as one procedure, its step headings never procedures themselves', () => {
    const runbook = parse(['# Ops', '## Failover', '### Steps', '#### Step 1: Promote', '1. Run it', '#### Step 2: Repoint', '1. Change DNS', '### Verification', '- [ ] Writes work', '## Other', 'Prose only.'].join('\n'));
    expect(runbook.procedures).toHaveLength(1);
    expect(runbook.procedures[0]).toMatchObject({ section: 'failover', title: 'Failover', verification: ['Writes work'] });
    expect(titles(runbook.procedures[0])).toEqual(['Promote', 'Repoint']);
  });

  it('ignores lists under Prerequisites, Symptoms and Next Steps labels, and lists of links', () => {
    const runbook = parse(['# Ops', '1. [Restart](#restart)', '2. [Renew](#renew)', '## Restart', '**Prerequisites**:', '1. Access to prod', '**Steps**:', '1. Restart', '**Next Steps:**', '- [ ] Automate this'].join('\n'));
    expect(runbook.procedures.map((procedure) => [procedure.section, titles(procedure), procedure.verification])).toEqual([['restart', ['Restart'], []]]);
  });

  it('makes a file of prose, headings and bullets a document, and its headings never steps', () => {
    const runbook = parse(['# Ops', '## Overview', 'Prose.', '## Deploy', '- bullet', '```bash', '# Build', 'make', '```'].join('\n'));
    expect(runbook.procedures).toEqual([]);
    expect(runbook.steps).toEqual([]);
  });

  it('reads a stored runbook from before procedures as one procedure of its steps, or none', () => {
    const runbook = parse('# Restart\n\n## Steps\n\n1. Stop\n2. Start\n');
    const older: Partial<Runbook> & Omit<Runbook, 'procedures'> = { ...runbook };
    delete older.procedures;
    expect(procedures(older)).toEqual([{ section: '', title: 'Restart', parents: [], fromLine: 0, toLine: 7, steps: runbook.steps, verification: [] }]);
    expect(procedures({ ...older, steps: [] })).toEqual([]);
  });

  it('reads numbered comments in the ways teams write them, and nothing else', () => {
    expect(['# 1. Create backup', '  #2) Pull', '-- 3. Drop it', '// Step 4: Restart', '# step 5. Check'].map(numberedComment)).toEqual(['Create backup', 'Pull', 'Drop it', 'Restart', 'Check']);
    expect(['# Create backup', '#!/bin/bash', '# 1.5 GB free', '# 2024. Done', 'echo 1. x', '# 1.', '#1.x'].map(numberedComment)).toEqual(Array(7).fill(undefined));
  });

  it('checks the procedures of a snapshot, and accepts a snapshot from before them', () => {
    const snapshot = parseLibrary([{ path: 'ops.md', text: '# Ops\n## Restart\n1. Stop\n2. Start\n' }], { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
    expect(snapshotProblem(snapshot)).toBeUndefined();
    const older = { ...snapshot, runbooks: snapshot.runbooks.map((runbook) => ({ ...runbook, procedures: undefined })) };
    expect(snapshotProblem(older)).toBeUndefined();
    const broken = { ...snapshot, runbooks: snapshot.runbooks.map((runbook) => ({ ...runbook, procedures: [{ ...runbook.procedures[0], steps: [{ title: 1 }] }] })) };
    expect(snapshotProblem(broken)).toBe('a runbook is malformed');
  });
});

/** Markdown that makes procedures, repeated and interleaved up to the size limit. */
const PROCEDURE_ATOMS = ['# 1. x\n', '```md\n', '```bash\n', '```\n', '## h\n', '#### Steps\n', '1. x\n', '- [ ] x\n', '**Steps**:\n', '**Rollback**:\n', '# T\n', '   ```\n', '## Verification\n', '[a](b)\n', '1. [a](b)\n'];
const procedureLike = fc
  .tuple(fc.array(fc.constantFrom(...PROCEDURE_ATOMS), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: LIMIT }))
  .map(([atoms, length]) => atoms.join('').repeat(Math.ceil(length / atoms.join('').length)).slice(0, length));

function wellFormed(body: string) {
  const found = runbookProcedures(body, 'Ops');
  const lines = body.split(/\r?\n/).length;
  const slugs = new Set(['', ...sectionOutline(body).map((section) => section.slug)]);
  const wrong: string[] = [];
  let previous = 0;
  for (const procedure of found) {
    if (!slugs.has(procedure.section)) wrong.push(`unknown section ${procedure.section}`);
    if (procedure.fromLine < previous) wrong.push(`out of order at ${procedure.fromLine}`);
    previous = procedure.fromLine;
    if (!procedure.steps.length) wrong.push(`no steps in ${procedure.title}`);
    procedure.steps.forEach((step, index) => {
      if (step.index !== index + 1 || step.fromLine < 0 || step.fromLine > step.toLine || step.toLine > lines) wrong.push(`step ${step.index} at ${step.fromLine}-${step.toLine}`);
    });
  }
  expect(wrong.slice(0, 5)).toEqual([]);
  // Reading a step splits the body: a few of them are enough to show any step reads.
  for (const step of found.flatMap((procedure) => procedure.steps).slice(0, 3)) stepMarkdown({ body }, step);
}

describe('procedures of hostile content', () => {
  it('gives well-formed procedures for any repetition of procedure-like Markdown up to the size limit', () => {
    fc.assert(fc.property(procedureLike, (body) => void wellFormed(body)), { numRuns: 30, seed: 17 });
  });

  it('gives well-formed procedures for any pathological Markdown', () => {
    fc.assert(fc.property(pathological, (body) => void wellFormed(body)), { numRuns: 20, seed: 19 });
  });

  it('reads the worst cases at full size in linear time', () => {
    const cases = [
      '```bash\n' + '# 1. x\n'.repeat(LIMIT / 7),
      '## h\n1. x\n'.repeat(LIMIT / 10),
      '## a\n' + '### b\n- [ ] x\n'.repeat(LIMIT / 14),
      '```md\n# T\n## Steps\n1. x\n```\n'.repeat(LIMIT / 28),
      '# a\n## b\n### c\n#### d\n##### e\n###### f\n1. x\n'.repeat(LIMIT / 48),
    ];
    for (const body of cases) {
      const started = performance.now();
      wellFormed(body);
      expect(performance.now() - started).toBeLessThan(15_000);
    }
  });
});

describe('a run of one procedure', () => {
  const library = { version: 'v1', source: { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } } as const;

  it('copies that procedure’s steps and checks under a title naming it, and a whole runbook as it always did', async () => {
    const { runbookCopy } = await import('../../../shared/incident/runbook-copy');
    const runbook = teamDoc('paydesk/OPERATIONS_RUNBOOK.md');
    const index = runbook.procedures.findIndex((procedure) => procedure.title === 'Roll Back Deployment');
    const copy = runbookCopy(runbook, new Map(), library, index);
    expect(copy).toMatchObject({ title: 'Operations Runbook › Roll Back Deployment', procedure: { section: 'roll-back-deployment', title: 'Roll Back Deployment' }, rollback: '' });
    expect(copy.steps.map((step) => step.title)).toEqual(titles(runbook.procedures[index]));
    const whole = runbookCopy(parse('# Restart\n\n## Steps\n\n1. Stop\n2. Start\n\n## Rollback\n\nStart it again.\n'), new Map(), library);
    expect(whole.title).toBe('Restart');
    expect(whole).not.toHaveProperty('procedure');
    expect(whole.rollback).toBe('Start it again.');
  });

  it('finds the procedure a reader is in: around the section, else the first inside it', async () => {
    const { procedureInSection } = await import('../../../shared/library/document/procedures');
    const runbook = teamDoc('paydesk/OPERATIONS_RUNBOOK.md');
    const at = (slug: string) => {
      const index = procedureInSection(runbook.procedures, runbook.body, slug);
      return index === undefined ? undefined : runbook.procedures[index].title;
    };
    expect(at('roll-back-deployment')).toBe('Roll Back Deployment');
    expect(at('database-operations')).toBe('Restore from Backup');
    expect(at('contact-information')).toBeUndefined();
    expect(at('no-such-section')).toBeUndefined();
  });
});
