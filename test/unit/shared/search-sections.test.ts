import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { isSearchIndexFor } from '../../../shared/library/snapshot-validation';
import { sectionOutline } from '../../../shared/library/markdown/section-outline';
import { fullTextOf } from '../../../shared/search/search-documents';
import { buildSearchIndex, SearchEngine, SEARCH_INDEX_FORMAT } from '../../../shared/search/search-engine';
import { matchSections, titleAnswersQuery } from '../../../shared/search/section-match';
import { Spelling, SpellingWords } from '../../../shared/search/spelling';
import { processTerm } from '../../../shared/search/terms';
import { LIMIT, NAMED_CASES, pathological } from '../../support/pathological-inputs';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;

const OPERATIONS = `# Operations Runbook

**Owner**: Platform team

## Table of Contents
- Deploy
- Roll back
- Database

## Deployment

### Deploy New Version
\`\`\`bash
# 1. Build the images
docker compose build
\`\`\`

### Roll Back Deployment
\`\`\`bash
# 1. Check out the previous release
git checkout <previous-release>
\`\`\`

## Troubleshooting

### Database Connection Issues
Look for "too many connections" in the API logs, then raise the pool size.

### Restore the Database from Backup
Drops the database and loads last night's dump.
`;

describe('sections of a long document', () => {
  it('names the section a query is about, with its best line, and never the table of contents', () => {
    const connections = matchSections('too many connections', 'Operations Runbook', OPERATIONS, ['connections', 'many']);
    expect(connections.section).toMatchObject({ slug: 'database-connection-issues', heading: 'Database Connection Issues', parents: ['Troubleshooting'] });
    expect(connections.section?.snippet).toBe('Look for "too many connections" in the API logs, then raise the pool size.');
    expect(matchSections('roll back', 'Operations Runbook', OPERATIONS, ['roll', 'back']).section?.slug).toBe('roll-back-deployment');
  });

  it('puts a restore below the diagnostic section for a symptom, and first when the query names it', () => {
    const symptom = matchSections('database down', 'Operations Runbook', OPERATIONS, ['database']);
    expect(symptom.section?.slug).toBe('database-connection-issues');
    expect(matchSections('restore database', 'Operations Runbook', OPERATIONS, ['restore', 'database']).section?.slug).toBe('restore-the-database-from-backup');
  });

  it('says when a title answers every word typed, typos corrected, so the body need not be read', () => {
    expect(titleAnswersQuery('failoevr ingrees billing', 'Billing ingress failover', ['failover', 'ingress', 'billing'])).toBe(true);
    expect(titleAnswersQuery('stockroom rollback', 'Operations Runbook', ['stockroom', 'rollback'])).toBe(false);
    expect(titleAnswersQuery('pods keep crashing', 'Application crash or high error rate', ['pods', 'crash'])).toBe(false);
  });

  it('takes an alias or an alert the runbook answers as its name: the alert typed is the runbook, not one of its steps', () => {
    const body = '# Application crash\n\n## Steps\n\n### Step 2: Read the logs\n\nThe pod keeps crash looping: `kubectl logs --previous`';
    expect(titleAnswersQuery('KubePodCrashLooping', 'Application crash or high error rate', ['kubepodcrashlooping'], ['KubePodCrashLooping'])).toBe(true);
    expect(matchSections('KubePodCrashLooping', 'Application crash or high error rate', body, ['kubepodcrashlooping', 'crash', 'looping'], ['HighErrorRate', 'KubePodCrashLooping'])).toEqual({ moreSections: [] });
    expect(titleAnswersQuery('KubePodCrashLooping', 'Application crash or high error rate', ['kubepodcrashlooping'])).toBe(false);
  });

  it('never lands on a step for the particle of a phrasal verb: "times out" is not "Scale out"', () => {
    const body = '# Application crash\n\n## Purpose\n\nThe API returns 5xx errors, times out, or its pods restart in a loop.\n\n## Steps\n\n### Step 7: Scale out if the pods are overloaded\n\n`kubectl scale --replicas=6 deploy/api`';
    const found = matchSections('users cannot log in, login times out', 'Application crash or high error rate', body, ['times', 'out']);
    expect(found.section?.heading ?? 'no section').not.toMatch(/Scale out/);
  });

  it('names no section when the title answers the query as well as any section', () => {
    const body = '# Disk full\n\n## Steps\n\n1. Find what fills the disk: `du -xh /`\n\n## Verification\n\n- [ ] Disk below 80%';
    expect(matchSections('disk full', 'Disk full on a host', body, ['disk', 'full'])).toEqual({ moreSections: [] });
  });

  it('copes with hostile bodies up to the size limit, never throwing, in bounded time', () => {
    for (const text of Object.values(NAMED_CASES)) {
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      expect(() => matchSections('connections database', 'Title', text, ['connections', 'a', '#'])).not.toThrow();
    }
    fc.assert(
      fc.property(pathological, fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }), (text, terms) => {
        const found = matchSections(terms.join(' '), 'Title', text, terms);
        for (const section of [found.section, ...found.moreSections]) if (section) expect(typeof section.slug).toBe('string');
      }),
      { numRuns: 25, seed: 17 },
    );
  });
});

describe('compound names and typos', () => {
  it('indexes a compound name whole, by its words, and by neighbouring words joined', () => {
    expect(processTerm('KubePodCrashLooping')).toEqual(['kubepodcrashlooping', 'kube', 'pod', 'crash', 'looping', 'kubepod', 'podcrash', 'crashlooping']);
    expect(processTerm('node_disk')).toEqual(['node_disk', 'node', 'disk', 'nodedisk']);
    expect(processTerm('plain')).toBe('plain');
  });

  it('finds an alert however its words are joined or split, from its file name alone', () => {
    const snapshot = parseLibrary(
      [
        { path: 'alerts/KubePodCrashLooping.md', text: '---\ntitle: Pods restarting\n---\nThe container exits and is started again (CrashLoopBackOff).' },
        { path: 'alerts/KubePodNotReady.md', text: '# KubePodNotReady\n\nA pod is not ready.' },
        { path: 'alerts/NodeClockSkewDetected.md', text: '# NodeClockSkewDetected\n\nChrony is out of sync.' },
      ],
      source,
    );
    const engine = SearchEngine.load(buildSearchIndex(snapshot.version, snapshot.runbooks));
    for (const query of ['kubepod crashlooping', 'kube pod crash looping', 'KubePodCrashLooping', 'crashloop', 'crash loop', 'kubepodcrashloopng']) {
      expect(engine.search(query, {}, 1)[0]?.summary.id, query).toBe('alerts/KubePodCrashLooping');
    }
  });

  it('corrects a typo against the names and headings, and completes only a word typed part-way', () => {
    const words = new SpellingWords();
    for (const text of ['Patroni switchover', 'Billing api', 'BillingApiAlert']) words.addText(text);
    const spelling = Spelling.load(words.index());
    expect(spelling.corrections(['swichover']).get('swichover')).toEqual(['switchover']);
    expect(spelling.corrections(['patroni', 'swit']).get('swit')).toContain('switchover');
    // `billing` is a word of its own: not also completed to `billingapi`.
    expect(spelling.corrections(['billing']).get('billing') ?? []).not.toContain('billingapi');
  });
});

describe('the stored index', () => {
  it('is taken only in the layout this build reads; an older one is built again', () => {
    const snapshot = parseLibrary([{ path: 'a.md', text: '# A\n\n## Steps\n\n1. Do it' }], source);
    const index = buildSearchIndex(snapshot.version, snapshot.runbooks);
    expect(isSearchIndexFor(index, snapshot.version)).toBe(true);
    expect(isSearchIndexFor({ ...index, format: SEARCH_INDEX_FORMAT - 1 }, snapshot.version)).toBe(false);
    // The layout before sections and spelling: one MiniSearch index and the summaries.
    expect(isSearchIndexFor({ version: snapshot.version, summaries: index.summaries, fullText: index.fullText }, snapshot.version)).toBe(false);
  });
});

describe('the headings a runbook is indexed under', () => {
  const headingsOf = (text: string) => {
    const runbook = parseLibrary([{ path: 'ops/page.md', text }], source).runbooks[0];
    return runbook ? { indexed: fullTextOf(runbook).headings, outline: sectionOutline(runbook.body).map((section) => section.heading).join(' \n ') } : undefined;
  };

  it('are the sections of its outline, title aside, fenced lines never among them', () => {
    expect(headingsOf('# Ops\n\n## Deploy\n\n```\n## not a heading\n```\n\n### Roll back\n')).toEqual({ indexed: 'Deploy \n Roll back', outline: 'Deploy \n Roll back' });
    // Two level-1 headings: neither is the title, both are sections.
    expect(headingsOf('# One\n\ntext\n\n# Two\n')?.indexed).toBe('One \n Two');
  });

  it('are the outline’s on any mix of headings, fences and text', () => {
    const line = fc.constantFrom('# A', '# B', '## Deploy', '### Roll back', '#### x', '####### no', '   ## indented', '    ## code', '```', '~~~', '```bash', 'text', '', '- item', '## Deploy');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const read = headingsOf(lines.join('\n'));
        if (read) expect(read.indexed).toBe(read.outline);
      }),
      { numRuns: 300, seed: 11 },
    );
    for (const text of [...Object.values(NAMED_CASES), OPERATIONS]) {
      const read = headingsOf(text);
      if (read) expect(read.indexed).toBe(read.outline);
    }
  });
});
