import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibrarySnapshot } from '../../../shared/model';
import { offlineHtml, OFFLINE_IDS } from '../../../shared/offline/offline-page';
import { OfflineSearch, offlineSearchData } from '../../../shared/offline/offline-search';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';
import OFFLINE_SCRIPT from '../../../renderer/features/health/offline-copy-script?iife';
import { scriptText } from '../../support/offline-copy';
import { responderLibrary, responderQueries, type ResponderQuery } from '../../support/responder-library';

// The offline copy searches with the app's engine over the app's index: for every responder query
// (the bundled phrasings here and the responder list over the bundled library, the seed-shaped
// documents and the public-repository shapes), the copy's first three runbooks are the palette's. The copy's side goes the whole way a saved
// file does: data written into the page, read back from it as the browser reads it, then searched.

const { queries: bundledQueries } = JSON.parse(readFileSync(new URL('../../fixtures/offline-copy-queries.json', import.meta.url), 'utf8')) as { queries: string[] };
const responder: ResponderQuery[] = await responderQueries();
const queries = [...bundledQueries, ...responder.map((each) => each.query)];

let snapshot: LibrarySnapshot;
let app: SearchEngine;
let copy: OfflineSearch;

beforeAll(async () => {
  snapshot = await responderLibrary();
  const index = buildSearchIndex(snapshot.version, snapshot.runbooks);
  // As the app holds it: through JSON, to IndexedDB and back.
  app = SearchEngine.load(JSON.parse(JSON.stringify(index)));
  const pages = [{ key: 'severity', title: 'Severity levels' }];
  const search = offlineSearchData(index, snapshot.runbooks, snapshot.notes, pages, { 'incident-response': 'Incident response', tip: 'Tip' });
  const html = offlineHtml({ banner: '', docs: [], search }, OFFLINE_SCRIPT, { script: '', style: '' });
  copy = OfflineSearch.load(JSON.parse(scriptText(html, OFFLINE_IDS.index)), JSON.parse(scriptText(html, OFFLINE_IDS.data)));
});

/** The copy's first three runbooks (a section listed under its file is the same runbook), each with the section it opens at. */
function copyTop3(query: string): { runbook: string; section?: string }[] {
  const found: { runbook: string; section?: string }[] = [];
  for (const result of copy.search(query)) {
    if (!result.key.startsWith('runbook/')) continue;
    const [runbook, section] = result.key.split('?section=');
    if (!found.some((each) => each.runbook === runbook)) found.push({ runbook, section: section && decodeURIComponent(section) });
  }
  return found.slice(0, 3);
}

describe('search in the offline copy', () => {
  it.each(queries)('“%s” finds the same first three runbooks as the app', (query) => {
    const inApp = app.search(query, {}, 20).slice(0, 3).map((hit) => `runbook/${hit.summary.id}`);
    expect(inApp.length, 'the app finds something to compare').toBeGreaterThan(0);
    expect(copyTop3(query).map((result) => result.runbook)).toEqual(inApp);
  });

  it('finds the expected runbook, at the expected section, in its first three for at least 95% of the responder queries', () => {
    const misses = responder.filter(({ query, expect: id, section }) => !copyTop3(query).some((result) => result.runbook === `runbook/${id}` && (!section || result.section === section)));
    expect(misses.length / responder.length, `missed: ${misses.map((miss) => miss.query).join('; ')}`).toBeLessThanOrEqual(0.05);
  });

  it('lists runbooks first, then notes, then pages, as the palette does; a body-only match shows its line', () => {
    const groups = copy.search('pgbouncer connections').map((result) => result.group);
    expect(groups[0]).toBe('Runbooks');
    expect(groups.indexOf('Admin notes')).toBeGreaterThan(groups.lastIndexOf('Runbooks'));
    expect(copy.search('severity').at(-1)).toMatchObject({ key: 'severity', group: 'Pages' });
    const bodyOnly = app.search('pg_isready').find((hit) => hit.needsSnippet);
    expect(bodyOnly, 'a runbook that names pg_isready only in its text').toBeDefined();
    const shown = copy.search('pg_isready').find((result) => result.key.split('?')[0] === `runbook/${bodyOnly!.summary.id}`);
    expect(shown?.snippet).toMatch(/pg_isready/);
  });

  it('shows the words the app shows for a type and kind, and the stored word when it has none', () => {
    const [first] = copy.search('postgers failover');
    expect(first.kind).toBe('Incident response');
    expect(copy.search('security breach').some((result) => result.kind === 'security')).toBe(true);
  });

  it('carries the whole engine in a script small beside the library: MiniSearch and fuse.js included', () => {
    expect(OFFLINE_SCRIPT.length).toBeLessThan(120_000);
    expect(OFFLINE_SCRIPT).toContain('Fuse');
    // It goes into the page as is: nothing in it may end the script element or open a comment.
    expect(OFFLINE_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });
});
