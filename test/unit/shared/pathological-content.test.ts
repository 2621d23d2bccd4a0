import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { LIMIT, NAMED_CASES, pathological } from '../../support/pathological-inputs';
import { fullTextOf } from '../../../shared/search/search-documents';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';

// Hostile and pathological files, up to the size limit, through everything that reads a library.
// A regular expression that backtracks, a recursion per nesting level or a spread of 100,000
// arguments shows up here as a test that never ends or throws (before the linear scans, the
// named cases ran for minutes); a stuck input fails by vitest's timeout.

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;

const good = { path: 'incident-response/restart-api.md', text: '# Restart the API\n\n## Steps\n\n1. Restart it: `systemctl restart api`\n' };

function throughEverything(text: string) {
  const snapshot = parseLibrary([{ path: 'hostile/file.md', text }, { path: 'notes/hostile.md', text }, { path: 'templates/hostile.md', text }, good], source);
  // The rest of the library always imports.
  expect(snapshot.runbooks.map((runbook) => runbook.id)).toContain('incident-response/restart-api');
  for (const runbook of snapshot.runbooks) fullTextOf(runbook);
  const engine = SearchEngine.load(buildSearchIndex(snapshot.version, snapshot.runbooks));
  expect(engine.search('restart api')[0]?.summary.id).toBe('incident-response/restart-api');
  return snapshot;
}

describe('pathological content through the parser, the search documents and the index build', () => {
  for (const [name, text] of Object.entries(NAMED_CASES)) {
    it(`copes with ${name}`, () => {
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      throughEverything(text);
    });
  }

  it('copes with any repetition of troublesome Markdown up to the size limit', () => {
    fc.assert(fc.property(pathological, (text) => void throughEverything(text)), { numRuns: 25, seed: 7 });
  });

  it('copes with duplicate ids in every YAML file and in front matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Ada', 'ada', 'ADA!', 'Bram'), { minLength: 2, maxLength: 200 }), (names) => {
        const people = names.map((name) => `  - name: "${name}"\n    id: ${name.toLowerCase().replace(/\W/g, '')}\n`).join('');
        const levels = names.map((name) => `  - id: ${name}\n    response_time: 5m\n`).join('');
        const snapshot = parseLibrary(
          [
            { path: 'oncall.yml', text: `people:\n${people}` },
            { path: 'severity.yml', text: `levels:\n${levels}` },
            { path: 'a.md', text: '---\nid: same\n---\n# A' },
            { path: 'b.md', text: '---\nid: same\n---\n# B' },
            good,
          ],
          source,
        );
        expect(new Set(snapshot.contacts.map((contact) => contact.id)).size).toBe(snapshot.contacts.length);
        expect(new Set(snapshot.severity.map((level) => level.id)).size).toBe(snapshot.severity.length);
        expect(snapshot.contacts.length + snapshot.problems.filter((problem) => problem.path === 'oncall.yml').length).toBe(names.length);
        expect(snapshot.runbooks.map((runbook) => runbook.id).sort()).toEqual(['incident-response/restart-api', 'same']);
      }),
      { numRuns: 50, seed: 11 },
    );
  });

  it('says a team file was there, read or not, whatever it holds, and never reads an unreadable one as empty', () => {
    const anyText = fc.oneof(pathological, fc.string({ maxLength: 2000 }), fc.constantFrom('people: []\n', 'levels: []\n', '[]', '', 'x'.repeat(LIMIT + 1)));
    fc.assert(
      fc.property(anyText, (text) => {
        const snapshot = parseLibrary([{ path: 'oncall.yml', text }, { path: 'severity.yml', text }, { path: 'templates/t.md', text }, good], source);
        for (const part of ['contacts', 'severity', 'templates'] as const) {
          expect(snapshot.presence[part]).not.toBe('absent');
          if (snapshot.presence[part] === 'unreadable') expect(snapshot[part]).toEqual([]);
        }
        // A file in its place that could not be read is listed as a problem of that file.
        if (snapshot.presence.contacts === 'unreadable') expect(snapshot.problems.some((problem) => problem.path === 'oncall.yml')).toBe(true);
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
