import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibraryFolder } from '../../../electron/library-loader';
import type { LibrarySnapshot } from '../../../shared/model';
import { parseLibrary } from '../../../shared/library/library-parser';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';
import { snippetOf } from '../../../shared/search/snippet';
import { highlightParts } from '../../../renderer/ui/highlight';

let snapshot: LibrarySnapshot;
let engine: SearchEngine;

beforeAll(async () => {
  snapshot = await loadLibraryFolder('runbooks', { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
  // Through JSON, as the index travels to IndexedDB and back.
  engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks))));
});

const top3 = (query: string, filters = {}) => engine.search(query, filters, 3).map((hit) => hit.summary.id);

describe('search over the bundled library', () => {
  it('answers the same from the engine it built as from that index stored and loaded again (a sync searches the one it built)', () => {
    const built = SearchEngine.build(snapshot.version, snapshot.runbooks);
    const queries = ['postgers failover', 'db down', 'disk full', 'k8s oom', 'cherry-pick', 'REINDEX CONCURRENTLY', 'certficate', 'restore tenant', 'rollback', 'x'];
    for (const query of queries) {
      const hits = built.search(query);
      expect(hits, query).toEqual(engine.search(query));
    }
    expect(built.search('postgers failover')[0]?.summary.id).toBe('incident-response/database-outage');
    expect(built.serialize()).toEqual(buildSearchIndex(snapshot.version, snapshot.runbooks));
  });

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

  it.each([
    ['db down', 'incident-response/database-outage'],
    ['pg down', 'incident-response/database-outage'],
    ['disk full', 'troubleshooting/disk-full'],
    ['k8s oom', 'troubleshooting/high-memory-usage'],
    ['cert expired', 'maintenance/ssl-certificate-renewal'],
    ['5xx after deploy', 'release/release-rollback'],
  ])('ranks symptom shorthand %j to its runbook in the top three', (query, id) => {
    expect(top3(query)).toContain(id);
  });

  it('ranks the title match first for a typo query', () => {
    expect(top3('ssl certficate renew')[0]).toBe('maintenance/ssl-certificate-renewal');
  });

  it('corrects a typo of a symptom word that only runbooks’ text holds, no title or heading', () => {
    // No title or heading of the bundled library says "connection"; the PostgreSQL outage runbook's text does.
    expect(snapshot.runbooks.some((runbook) => /connection/i.test(runbook.title) || /^#+ .*connection/im.test(runbook.body))).toBe(false);
    expect(top3('conection pool exausted')[0]).toBe('incident-response/database-outage');
    expect(top3('db conection refused')[0]).toBe('incident-response/database-outage');
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

describe('search by the names alerts and files carry', () => {
  const foreign = parseLibrary(
    [
      { path: 'alerts/KubeDeploymentReplicasMismatch.md', text: '# KubeDeploymentReplicasMismatch\n\nFewer pods than wanted are available.' },
      { path: 'alerts/NodeClockSkewDetected.md', text: '# NodeClockSkewDetected\n\nChrony is out of sync on a node.' },
      { path: 'alerts/node_disk_pressure.md', text: '# node_disk_pressure\n\nThe kubelet evicts pods.' },
      { path: 'redis/redis-replication-broken.md', text: '# When followers fall behind\n\nCheck the master link status.' },
      { path: 'alerts/KubePodNotReady.md', text: '# KubePodNotReady\n\nA pod is not ready.' },
      { path: 'alerts/NodeFilesystemAlmostOutOfSpace.md', text: '# NodeFilesystemAlmostOutOfSpace\n\nA node is almost out of disk space.' },
    ],
    { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' },
  );
  const names = SearchEngine.load(buildSearchIndex(foreign.version, foreign.runbooks));
  const top = (query: string) => names.search(query, {}, 3).map((hit) => hit.summary.id);

  it.each([
    ['kube deployment replicas mismatch', 'alerts/KubeDeploymentReplicasMismatch'],
    ['KubeDeploymentReplicaMismatch', 'alerts/KubeDeploymentReplicasMismatch'],
    ['node clock skew', 'alerts/NodeClockSkewDetected'],
    ['NodeClockSkewDetectd', 'alerts/NodeClockSkewDetected'],
    ['node disk pressure', 'alerts/node_disk_pressure'],
    ['node_disk_pressure', 'alerts/node_disk_pressure'],
    ['redis replication broken', 'redis/redis-replication-broken'],
  ])('finds %j first', (query, id) => {
    expect(top(query)[0]).toBe(id);
  });

  it('marks hits below the relevance cut as weaker, and hits matched only in the body as needing a snippet', () => {
    const hits = names.search('chrony pressure wanted', {}, 10);
    expect(hits.map((hit) => [hit.summary.id, hit.needsSnippet])).toEqual(
      expect.arrayContaining([
        ['alerts/NodeClockSkewDetected', true],
        ['alerts/node_disk_pressure', false],
        ['alerts/KubeDeploymentReplicasMismatch', true],
      ]),
    );
    const strong = names.search('node', {}, 10);
    expect(strong[0]).toMatchObject({ weak: false });
    expect(strong.filter((hit) => hit.weak).map((hit) => hit.summary.id)).not.toContain(strong[0].summary.id);
  });
});

describe('snippetOf', () => {
  it('gives the first line holding a matched word, as plain text, cut around the match', () => {
    const body = '# Title\n\nIntro about **disks**.\n\n```bash\nsudo journalctl --vacuum-size=500M\n```\n';
    expect(snippetOf(body, ['journalctl'])).toBe('sudo journalctl --vacuum-size=500M');
    expect(snippetOf(body, ['disks'])).toBe('Intro about disks.');
    expect(snippetOf(body, ['nowhere'])).toBeUndefined();
    const long = `${'lead '.repeat(60)}the needle here ${'tail '.repeat(60)}`;
    const cut = snippetOf(long, ['needle']) as string;
    expect(cut).toMatch(/^….*the needle here.*…$/);
    expect(cut.length).toBeLessThanOrEqual(142);
  });
});

describe('highlightParts', () => {
  it('widens a match to the whole word it sits in, never cutting a word', () => {
    expect(highlightParts('Patroni failover, failovers', ['failo'])).toEqual([
      { text: 'Patroni ', match: false },
      { text: 'failover', match: true },
      { text: ', ', match: false },
      { text: 'failovers', match: true },
    ]);
  });

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
