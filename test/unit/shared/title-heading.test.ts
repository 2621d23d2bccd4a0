import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { titleHeading, withoutTitleLine } from '../../../shared/library/markdown/markdown-blocks';
import { parseLibrary } from '../../../shared/library/library-parser';
import { fullTextOf } from '../../../shared/search/search-documents';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';
import { LIMIT } from '../../support/pathological-inputs';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const alert = '---\ntitle: Pod crash looping\n---\n\n# KubePodCrashLooping\n\n## Meaning\n\nA container restarts again and again.\n';

describe('the H1 when front matter gives another title', () => {
  it('stays on the page when it says something else, and goes when it repeats the title', () => {
    const [runbook] = parseLibrary([{ path: 'alerts/kube-pod-crash-looping.md', text: alert }], source).runbooks;
    expect(runbook.title).toBe('Pod crash looping');
    expect(withoutTitleLine(runbook.body, runbook.title)).toContain('# KubePodCrashLooping');
    expect(withoutTitleLine('# Pod Crash Looping\n\nText', 'Pod crash looping')).toBe('\nText');
    expect(withoutTitleLine('# Restart the `api`\n\nText', 'Restart the api')).toBe('\nText');
    expect(withoutTitleLine('\n\n# Title\nText')).toBe('Text');
  });

  it('is indexed beside the aliases, so the alert name finds the runbook', () => {
    const snapshot = parseLibrary([{ path: 'alerts/kube-pod-crash-looping.md', text: alert }, { path: 'db/restore.md', text: '# Restore the database\n\n1. Restore' }], source);
    expect(fullTextOf(snapshot.runbooks[0]).aliases).toBe('KubePodCrashLooping');
    expect(fullTextOf(snapshot.runbooks[1]).aliases).toBe('');
    const engine = SearchEngine.load(buildSearchIndex(snapshot.version, snapshot.runbooks));
    expect(engine.search('KubePodCrashLooping')[0]?.summary.id).toBe('alerts/kube-pod-crash-looping');
  });

  it('reads only the first line that is not blank', () => {
    expect(titleHeading('\r\n  \r\n# Title #\r\nmore')).toBe('Title');
    expect(titleHeading('Text first\n# Later')).toBeUndefined();
    expect(titleHeading('## Second level')).toBeUndefined();
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void titleHeading(text)), { numRuns: 200, seed: 41 });
    expect(titleHeading(`${'\n'.repeat(LIMIT - 3)}# x`)).toBe('x');
  });
});
