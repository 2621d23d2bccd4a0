import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { SearchEngine } from '../../../shared/search/search-engine';
import { plausibleTypo } from '../../../shared/search/spelling';

// A typo is corrected to what was meant, never to another word two letters away: after a sync, a
// walk's "session" listed every team document for its "Version" line.

describe('what counts as a typo', () => {
  it.each([
    ['rdeis', 'redis'],
    ['postgers', 'postgres'],
    ['conection', 'connection'],
    ['certficate', 'certificate'],
    ['swichover', 'switchover'],
    ['pgbouncr', 'pgbouncer'],
    ['elastcsearh', 'elasticsearch'],
  ])('%s may mean %s', (typed, meant) => {
    expect(plausibleTypo(typed, meant)).toBe(true);
  });

  it.each([
    ['session', 'version'],
    ['memory', 'mercury'],
    ['latency', 'legacy'],
  ])('%s does not mean %s', (typed, meant) => {
    expect(plausibleTypo(typed, meant)).toBe(false);
  });
});

describe('search with corrections', () => {
  const snapshot = parseLibrary(
    [
      { path: 'ops/operations-runbook.md', text: '# Operations Runbook\n\n**Version**: 1.0\n\n## Steps\n\n1. Check the version deployed\n\n## Version history\n\n- 1.0: first\n' },
      { path: 'ops/redis-crash.md', text: '# Redis crash\n\nThe app runs out of memory when Redis is full.\n\n## Steps\n\n1. Restart Redis\n' },
    ],
    { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' },
  );
  const engine = SearchEngine.build(snapshot.version, snapshot.runbooks);

  it('finds nothing for a word two letters away from a heading word', () => {
    expect(engine.search('session').map((hit) => hit.summary.id)).toEqual([]);
  });

  it('still corrects a swapped pair', () => {
    expect(engine.search('rdeis crash')[0]?.summary.id).toBe('ops/redis-crash');
  });

  it('highlights no stop word an equivalent brought in ("of", from "out of memory")', () => {
    const [hit] = engine.search('redis memory full');
    expect(hit.summary.id).toBe('ops/redis-crash');
    expect(hit.terms).toEqual(expect.arrayContaining(['redis', 'memory']));
    expect(hit.terms).not.toContain('of');
  });
});
