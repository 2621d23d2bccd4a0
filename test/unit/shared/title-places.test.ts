import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { titlePlaces } from '../../../shared/library/document/title-places';
import { libraryHealth } from '../../../shared/library/library-health';
import { parseLibrary } from '../../../shared/library/library-parser';

describe('documents with the same title', () => {
  it('are told apart by the shortest end of their path, and a unique title gets nothing', () => {
    const places = titlePlaces([
      { id: 'payments/operations', title: 'Operations Runbook' },
      { id: 'search/operations', title: 'Operations runbook ' },
      { id: 'search/runbook', title: 'Operations Runbook' },
      { id: 'db/restore', title: 'Restore the database' },
      { id: 'legacy/db', title: 'Database' },
      { id: 'new/db', title: 'Database' },
    ]);
    expect(Object.fromEntries(places)).toEqual({
      'payments/operations': 'payments/operations',
      'search/operations': 'search/operations',
      'search/runbook': 'runbook',
      'legacy/db': 'legacy/db',
      'new/db': 'new/db',
    });
  });

  it('a folder README and a file of the same name in another folder', () => {
    expect(Object.fromEntries(titlePlaces([{ id: 'payments', title: 'Operations' }, { id: 'a/b/payments', title: 'Operations' }]))).toEqual({ payments: 'payments', 'a/b/payments': 'b/payments' });
  });

  it('any set of ids: every document of a shared title gets a place no other of that title has, ending its id', () => {
    const segment = fc.constantFrom('ops', 'db', 'payments', 'search', 'runbook', 'README');
    const id = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 30 }), fc.array(fc.constantFrom('Ops', 'ops', 'Database'), { minLength: 30, maxLength: 30 }), (ids, titles) => {
        const documents = ids.map((docId, index) => ({ id: docId, title: titles[index] }));
        const places = titlePlaces(documents);
        for (const document of documents) {
          const others = documents.filter((other) => other !== document && other.title.toLowerCase() === document.title.toLowerCase());
          const place = places.get(document.id);
          if (!others.length) expect(place).toBeUndefined();
          else {
            expect(document.id === place || document.id.endsWith(`/${place}`)).toBe(true);
            // Told apart: no other document of that title ends the same way (unless this is its whole id).
            if (place !== document.id) for (const other of others) expect(other.id === place || other.id.endsWith(`/${place}`)).toBe(false);
          }
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('health names them apart', () => {
    const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
    const snapshot = parseLibrary(
      [
        { path: 'payments/operations.md', text: '# Operations Runbook\n\n1. Go' },
        { path: 'search/operations.md', text: '# Operations Runbook\n\n1. Go' },
      ],
      source,
    );
    const texts = libraryHealth(snapshot, '2026-11-02').filter((finding) => finding.check === 'no-owner').map((finding) => finding.text);
    expect(texts).toEqual(['Operations Runbook (payments/operations) has no owner', 'Operations Runbook (search/operations) has no owner']);
  });
});
