import { beforeAll, describe, expect, it } from 'vitest';
import type { LibrarySnapshot } from '../../../shared/model';
import { buildSearchIndex, SearchEngine, type SearchHit } from '../../../shared/search/search-engine';
import { matchSections } from '../../../shared/search/section-match';
import { alertIndexEntry, alertRunbookIndex, runbookForAlert } from '../../../shared/alerts/alert-runbook';
import { responderLibrary, responderQueries, type ResponderQuery } from '../../support/responder-library';

// Responder phrasings (test/fixtures/search-queries/responder-queries.json) over the bundled
// library, the seed-shaped team documents and the public-repository-shaped runbooks.

let snapshot: LibrarySnapshot;
let engine: SearchEngine;
let queries: ResponderQuery[];

beforeAll(async () => {
  snapshot = await responderLibrary();
  queries = await responderQueries();
  // Through JSON, as the index travels to IndexedDB and back.
  engine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks))));
});

const bodyOf = (id: string) => snapshot.runbooks.find((runbook) => runbook.id === id)?.body ?? '';

/** The top three, each with the section the palette would name (as the search worker fills it). */
function top3(query: string): { hit: SearchHit; section?: string }[] {
  return engine.search(query, {}, 3).map((hit) => ({ hit, section: matchSections(query, hit.summary.title, bodyOf(hit.summary.id), hit.terms).section?.slug }));
}

describe('responder queries', () => {
  it('has at least 40 queries, every one aimed at a runbook of the library', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(snapshot.runbooks.map((runbook) => runbook.id));
    expect(queries.filter((query) => !ids.has(query.expect)).map((query) => query.expect)).toEqual([]);
  });

  it('finds the expected runbook (at the expected section) in the top three for at least 95% of them', () => {
    const misses: string[] = [];
    for (const { query, expect: id, section } of queries) {
      const found = top3(query);
      const hit = found.find((each) => each.hit.summary.id === id);
      if (!hit || (section && hit.section !== section)) {
        misses.push(`${JSON.stringify(query)} wanted ${id}${section ? `#${section}` : ''}, got ${found.map((each) => `${each.hit.summary.id}${each.section ? `#${each.section}` : ''}`).join(', ')}`);
      }
    }
    if (misses.length) console.log(`responder queries missed (${misses.length} of ${queries.length}):\n  ${misses.join('\n  ')}`);
    expect(1 - misses.length / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('destructive procedures and symptom queries', () => {
  it('never ranks a restore, failover or drop above the diagnostic runbook for a symptom', () => {
    const first = (query: string) => engine.search(query, {}, 5)[0]?.summary.id;
    expect(first('cant connect to db')).toBe('incident-response/database-outage');
    expect(first('database unreachable')).toBe('incident-response/database-outage');
    // Lag is diagnosed, not failed over: the bundled diagnosis first, then the team's own section on it.
    const lagging = top3('replica lagging');
    expect(lagging[0]?.hit.summary.id).toBe('troubleshooting/postgresql-replication-lag');
    expect(lagging.find((each) => each.hit.summary.id === 'docs/patroni/postgres-replication')?.section).toBe('replication-is-lagging-or-has-stopped');
  });

  it('opens a lag alert on the lag diagnosis and a down alert on the outage runbook, by the alerts the bundled runbooks name', () => {
    const alerts = alertRunbookIndex(snapshot.runbooks.map(alertIndexEntry));
    const opened = (name: string) => runbookForAlert({ name, labels: {}, annotations: {} }, alerts, () => ({ kind: 'not-library' }));
    expect(opened('PostgresqlReplicationLag')).toEqual({ id: 'troubleshooting/postgresql-replication-lag', by: 'alerts' });
    expect(opened('PostgresqlDown')).toEqual({ id: 'incident-response/database-outage', by: 'alerts' });
  });

  it('ranks the destructive procedure first when the query names the action', () => {
    expect(engine.search('restore database from backup', {}, 3).map((hit) => hit.summary.id)).toContain('disaster-recovery/database-disaster-recovery');
    expect(top3('paydesk restore from backup').find((each) => each.hit.summary.id === 'paydesk/OPERATIONS_RUNBOOK')?.section).toBe('restore-from-backup');
  });
});

describe('sections of long documents', () => {
  it('names the section of an Operations Runbook and lists the other matching sections of the same file under it', () => {
    const [hit] = engine.search('stockroom database', {}, 3).filter((each) => each.summary.id === 'stockroom/OPERATIONS_RUNBOOK');
    const sections = matchSections('stockroom database', hit.summary.title, bodyOf(hit.summary.id), hit.terms);
    expect(sections.section?.heading).toMatch(/Database/);
    expect(sections.moreSections.length).toBeGreaterThan(0);
    expect(sections.moreSections.every((section) => section.slug !== sections.section?.slug)).toBe(true);
  });

  it('shows the matching line of the section, not an arbitrary line of the file', () => {
    const [found] = top3('stockroom too many connections').filter((each) => each.hit.summary.id === 'stockroom/OPERATIONS_RUNBOOK');
    const sections = matchSections('stockroom too many connections', found.hit.summary.title, bodyOf(found.hit.summary.id), found.hit.terms);
    expect(sections.section?.slug).toBe('database-connection-issues');
    expect(sections.section?.snippet).toMatch(/too many connections/i);
  });

  it('keeps a one-procedure runbook found by its name as the runbook', () => {
    const [hit] = engine.search('disk full', {}, 1);
    expect(hit.summary.id).toBe('troubleshooting/disk-full');
    expect(matchSections('disk full', hit.summary.title, bodyOf(hit.summary.id), hit.terms).section).toBeUndefined();
  });

  it('reads "500s" as the 5xx errors it is', () => {
    expect(engine.search('500s', {}, 5).map((hit) => hit.summary.id)).toContain('incident-response/application-crash');
  });
});
