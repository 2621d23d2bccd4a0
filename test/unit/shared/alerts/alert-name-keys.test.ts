import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertNameWords, compactName, titleWords, wordsKey } from '../../../../shared/alerts/alert-name-keys';
import { alertRunbookIndex, runbookForAlert } from '../../../../shared/alerts/alert-runbook';
import { libraryPathResolver } from '../../../../shared/alerts/links/library-path-links';
import { DEFAULT_LIMITS } from '../../../../shared/limits';

describe('alert name keys', () => {
  it('split CamelCase names as a person reads them', () => {
    expect(alertNameWords('ETCDHighNumberOfFailedGRPCRequests')).toEqual(['etcd', 'high', 'number', 'of', 'failed', 'grpc', 'requests']);
    expect(alertNameWords('KubeAPIErrorBudgetBurn')).toEqual(['kube', 'api', 'error', 'budget', 'burn']);
    expect(alertNameWords('node_filesystem-almost_full')).toEqual(['node', 'filesystem', 'almost', 'full']);
    expect(alertNameWords('HTTP5xxSpike')).toEqual(['http5xx', 'spike']);
    expect(titleWords('etcd: high number of failed gRPC requests')).toEqual(['etcd', 'high', 'number', 'of', 'failed', 'grpc', 'requests']);
    expect(wordsKey(alertNameWords('ETCDHighNumberOfFailedGRPCRequests'))).toBe(wordsKey(titleWords('Failed gRPC requests: etcd has a high number')));
    expect(wordsKey(['the', 'disk'])).toBeUndefined();
    expect(compactName('Kube pod crash-looping.md')).toBe('kubepodcrashloopingmd');
  });

  const hostile = fc.oneof(
    fc.string({ maxLength: 2_000 }),
    fc.string({ unit: 'binary', maxLength: 2_000 }),
    fc.tuple(fc.constantFrom('A', 'a', '1', '_', '-', ' ', 'É', '\u0000', '\u202e', '%', '/', '#', '..', '{{'), fc.integer({ min: 1, max: DEFAULT_LIMITS.maxFileBytes })).map(([piece, times]) => piece.repeat(times)),
  );

  it('give bounded keys for any text, however long or strange', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(compactName(text).length).toBeLessThanOrEqual(600);
        expect(alertNameWords(text).join('').length).toBeLessThanOrEqual(300);
        expect(titleWords(text).join('').length).toBeLessThanOrEqual(300);
        wordsKey(alertNameWords(text));
      }),
      { numRuns: 200, seed: 18 },
    );
  });

  it('the matcher and the path resolver answer any alert name and link without throwing', () => {
    const runbooks = [{ id: 'docs/a', path: 'docs/a.md' }, { id: 'KubePodCrashLooping', path: 'KubePodCrashLooping.md' }];
    const index = alertRunbookIndex(runbooks.map((runbook) => ({ id: runbook.id, title: runbook.id, aliases: [], alerts: ['A'] })));
    const resolve = libraryPathResolver(runbooks, [{ url: 'https://site/', folder: 'docs' }]);
    fc.assert(
      fc.property(hostile, hostile, (name, link) => {
        const match = runbookForAlert({ name, labels: { runbook: link }, annotations: { runbook_url: `https://site/${link}` } }, index, resolve);
        expect('id' in match || match.lookedFor.length > 0).toBe(true);
        expect(['runbook', 'missing', 'not-library']).toContain(resolve(link).kind);
      }),
      { numRuns: 200, seed: 19 },
    );
  });
});
