import { describe, expect, it } from 'vitest';
import { alertCoverage } from '../../../../shared/alerts/alert-coverage';
import { alertRunbookIndex } from '../../../../shared/alerts/alert-runbook';
import type { AlertRule } from '../../../../shared/alerts/alert-rules';
import { libraryPathResolver } from '../../../../shared/alerts/links/library-path-links';

const runbooks = [
  { id: 'docs/gitaly', path: 'docs/gitaly/README.md' },
  { id: 'docs/gitaly/gitaly-unavailable', path: 'docs/gitaly/gitaly-unavailable.md' },
  { id: 'content/runbooks/kubernetes/KubePodCrashLooping', path: 'content/runbooks/kubernetes/KubePodCrashLooping.md' },
];

describe('libraryPathResolver', () => {
  const resolve = libraryPathResolver(runbooks, [{ url: 'https://runbooks.prometheus-operator.dev/runbooks', folder: 'content/runbooks/' }]);

  it('maps a repository path, with or without its extension, a folder to its README, and keeps the section', () => {
    expect(resolve('docs/gitaly/gitaly-unavailable.md')).toEqual({ kind: 'runbook', id: 'docs/gitaly/gitaly-unavailable' });
    expect(resolve('./docs/gitaly/gitaly-unavailable#restart-it')).toEqual({ kind: 'runbook', id: 'docs/gitaly/gitaly-unavailable', section: 'restart-it' });
    expect(resolve('/docs/gitaly/')).toEqual({ kind: 'runbook', id: 'docs/gitaly' });
    expect(resolve('failsafe://runbook/docs/gitaly/gitaly-unavailable.md')).toEqual({ kind: 'runbook', id: 'docs/gitaly/gitaly-unavailable' });
  });

  it('maps a published site’s lower-cased slug to its file', () => {
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping/')).toEqual({ kind: 'runbook', id: 'content/runbooks/kubernetes/KubePodCrashLooping' });
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubenodenotready')).toEqual({ kind: 'missing', lookedFor: 'content/runbooks/kubernetes/kubenodenotready.md' });
  });

  it('says which file a path looked for, and leaves other links unchecked', () => {
    expect(resolve('docs/gitaly/gone.md')).toEqual({ kind: 'missing', lookedFor: 'docs/gitaly/gone.md' });
    expect(resolve('docs/redis/overview')).toEqual({ kind: 'missing', lookedFor: 'docs/redis/overview.md' });
    for (const other of ['https://wiki.example.com/Gitaly', 'see the wiki', 'docs/{{ $labels.service }}/README.md', '../outside/x.md', 'javascript:alert(1)', '']) {
      expect(resolve(other)).toEqual({ kind: 'not-library' });
    }
  });
});

describe('alertCoverage', () => {
  const rule = (alert: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): AlertRule => ({ alert, path: 'rules/x.yml', labels, annotations });
  const index = alertRunbookIndex(runbooks.map((runbook) => ({ id: runbook.id, title: runbook.id, aliases: [] })));
  const resolve = libraryPathResolver(runbooks);

  it('sorts each alert into covered, without a runbook, linked to no file, or not checked, once per alert and link', () => {
    const coverage = alertCoverage(
      [
        rule('GitalyDown', { runbook: 'docs/gitaly/gitaly-unavailable.md', severity: 's2' }),
        rule('GitalyDown', { runbook: 'docs/gitaly/gitaly-unavailable.md', severity: 's4' }),
        rule('GitalyLatency', {}, { runbook: 'docs/gitaly/latency.md' }),
        rule('KubePodCrashLooping', {}, { runbook_url: 'docs/kube/gone.md' }),
        rule('Watchdog'),
        rule('WikiOnly', {}, { runbook_url: 'https://wiki.example.com/WikiOnly' }),
      ],
      index,
      resolve,
    );
    expect(coverage.covered).toBe(2);
    expect(coverage.uncovered.map((gap) => gap.rule.alert)).toEqual(['Watchdog']);
    expect(coverage.dangling.map((gap) => [gap.rule.alert, gap.lookedFor])).toEqual([['GitalyLatency', 'docs/gitaly/latency.md'], ['KubePodCrashLooping', 'docs/kube/gone.md']]);
    expect(coverage.unchecked.map((gap) => gap.link)).toEqual(['https://wiki.example.com/WikiOnly']);
  });
});
