import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibraryFolder } from '../../../electron/library-loader';
import type { LibrarySnapshot } from '../../../shared/model';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';
import { highlightParts } from '../../../renderer/search/highlight';

let snapshot: LibrarySnapshot;
let engine: SearchEngine;

beforeAll(async () => {
  snapshot = await loadLibraryFolder('runbooks', { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
  // Through JSON, as the index travels to IndexedDB and back.
  engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks))));
});

const top3 = (query: string, filters = {}) => engine.search(query, filters, 3).map((hit) => hit.summary.id);

describe('search over the bundled library', () => {
  it.each([
    ['postgers failover', 'incident-response/database-outage'],
    ['rollbak deploy', 'release/release-rollback'],
    ['ssl certficate renew', 'maintenance/ssl-certificate-renewal'],
    ['patroni swichover', 'maintenance/patroni-switchover'],
    ['failover postgres', 'incident-response/database-outage'],
    ['PatroniNoLeader', 'incident-response/database-outage'],
    ['ContainerOOMKiled', 'troubleshooting/high-memory-usage'],
    ['pg_restore tenant', 'backup-restore/restore-single-tenant'],
    ['REINDEX CONCURRENTLY', 'maintenance/database-maintenance'],
    ['cherry-pick', 'release/hotfix-release'],
  ])('finds %j in the top three', (query, id) => {
    expect(top3(query)).toContain(id);
  });

  it('ranks the title match first for a typo query', () => {
    expect(top3('ssl certficate renew')[0]).toBe('maintenance/ssl-certificate-renewal');
  });

  it('applies type, priority and tag filters', () => {
    const hits = engine.search('postgresql', { type: 'maintenance' }, 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.summary.type === 'maintenance')).toBe(true);
    expect(engine.search('postgresql', { priority: 'low' }, 50)).toEqual([]);
    expect(engine.search('restore', { tag: 'tenant' }, 50).map((hit) => hit.summary.id)).toEqual(['backup-restore/restore-single-tenant']);
  });

  it('returns nothing for an empty query and reports matched words for highlighting', () => {
    expect(engine.search('   ')).toEqual([]);
    const [hit] = engine.search('postgers failover');
    expect(hit.terms).toEqual(expect.arrayContaining(['failover']));
  });
});

describe('highlightParts', () => {
  it('marks every occurrence of every term, case-insensitively', () => {
    expect(highlightParts('PostgreSQL outage and Patroni failover', ['postgresql', 'FAILOVER'])).toEqual([
      { text: 'PostgreSQL', match: true },
      { text: ' outage and Patroni ', match: false },
      { text: 'failover', match: true },
    ]);
  });
  it('escapes regular expression characters in terms', () => {
    expect(highlightParts('a (b) c', ['(b)'])).toEqual([
      { text: 'a ', match: false },
      { text: '(b)', match: true },
      { text: ' c', match: false },
    ]);
  });
});
