import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../../shared/library/library-parser';
import { buildSearchIndex, SearchEngine } from '../../../../shared/search/search-engine';
import { summaryOf } from '../../../../shared/search/search-documents';
import { MAX_RUNBOOK_ALERTS, readRunbookAlertNames } from '../../../../shared/alerts/runbook-alert-names';
import { alertIndexEntry, alertRunbookIndex, runbookForAlert } from '../../../../shared/alerts/alert-runbook';

const source = { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' } as const;
const file = (path: string, frontMatter: string, body = 'Check the disk.\n') => ({ path, text: `---\n${frontMatter}\n---\n# Title\n\n${body}` });

describe('alerts: front matter', () => {
  it('lists the alert names a runbook answers, as a list or a line, each once', () => {
    const library = parseLibrary([file('disk.md', 'title: Disk full\nalerts: [NodeFilesystemAlmostOutOfSpace, nodefilesystemalmostoutofspace, NodeFilesystemFilesFillingUp]'), file('cert.md', 'alerts: SSLCertExpiringSoon, CertManagerCertExpirySoon')], source);
    expect(library.runbooks.map((runbook) => runbook.alerts)).toEqual([['SSLCertExpiringSoon', 'CertManagerCertExpirySoon'], ['NodeFilesystemAlmostOutOfSpace', 'NodeFilesystemFilesFillingUp']]);
    expect(library.runbooks[0].extra).not.toHaveProperty('alerts');
    expect(library.problems).toEqual([]);
  });

  it('reads the runbook and warns about names it cannot take', () => {
    const library = parseLibrary([file('x.md', 'alerts:\n  - Good\n  - {nested: map}\n  - "Bad\\u0007Bell"\n  - ' + 'L'.repeat(300))], source);
    expect(library.runbooks[0].alerts).toEqual(['Good']);
    expect(library.problems.map((problem) => [problem.path, problem.level])).toEqual([['x.md', 'warning'], ['x.md', 'warning'], ['x.md', 'warning']]);
    expect(library.problems.map((problem) => problem.reason).join('\n')).toMatch(/not a name[\s\S]*control character[\s\S]*longer than 200/);
  });

  it('keeps at most a bounded number of names and says the rest were left out', () => {
    const read = readRunbookAlertNames(Array.from({ length: MAX_RUNBOOK_ALERTS + 5 }, (_, index) => `Alert${index}`));
    expect(read.names).toHaveLength(MAX_RUNBOOK_ALERTS);
    expect(read.problems).toEqual([`alerts: more than ${MAX_RUNBOOK_ALERTS} names; the rest are left out`]);
  });

  it('is found by search when the alert name is typed, and carried in its summary', () => {
    // The other runbook shares words with the alert's name; only alerts: ties the first to it.
    const library = parseLibrary([file('storage/capacity.md', 'title: Storage capacity\nalerts: [KubePersistentVolumeFillingUp]'), file('kube/volume-notes.md', 'title: Kube persistent volume notes')], source);
    const engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(library.version, library.runbooks))));
    expect(engine.search('KubePersistentVolumeFillingUp', {}, 3)[0]?.summary.id).toBe('storage/capacity');
    expect(summaryOf(library.runbooks[0])).toMatchObject({ id: 'kube/volume-notes' });
    expect(summaryOf(library.runbooks[0])).not.toHaveProperty('alerts');
    expect(summaryOf(library.runbooks[1]).alerts).toEqual(['KubePersistentVolumeFillingUp']);
  });

  it('a runbook stored before alerts: existed still gives a summary and a search document', () => {
    const [runbook] = parseLibrary([file('old.md', 'title: Old')], source).runbooks;
    const stored: Partial<typeof runbook> = { ...runbook };
    delete stored.alerts;
    expect(summaryOf(stored as typeof runbook)).not.toHaveProperty('alerts');
    expect(() => buildSearchIndex('v', [stored as typeof runbook])).not.toThrow();
  });
});

describe('an alert two runbooks list', () => {
  it('opens the one first by id, whatever order the index is given, and the other is warned', () => {
    const library = parseLibrary([file('b/second.md', 'alerts: [DiskFull]'), file('a/first.md', 'alerts: [diskfull]')], source);
    expect(library.problems).toEqual([{ path: 'b/second.md', reason: 'alerts: DiskFull is listed by a/first.md too, which opens for it', level: 'warning' }]);
    for (const order of [library.runbooks, [...library.runbooks].reverse()]) {
      expect(runbookForAlert({ name: 'DiskFull', labels: {}, annotations: {} }, alertRunbookIndex(order.map(alertIndexEntry)), () => ({ kind: 'not-library' }))).toEqual({ id: 'a/first', by: 'alerts' });
    }
  });
});
