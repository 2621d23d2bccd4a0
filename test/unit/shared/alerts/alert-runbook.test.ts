import { describe, expect, it } from 'vitest';
import { alertIndexEntry, alertRunbookIndex, runbookForAlert, type AlertIndexEntry } from '../../../../shared/alerts/alert-runbook';
import type { LinkResolver, LinkTarget } from '../../../../shared/alerts/links/link-target';
import { parseRunbook } from '../../../../shared/library/runbook-parser';
import { splitFrontMatter } from '../../../../shared/library/front-matter';

const entry = (id: string, title: string, more: Partial<AlertIndexEntry> = {}): AlertIndexEntry => ({ id, title, aliases: [], ...more });
const alert = (name: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}) => ({ name, labels, annotations });
/** A resolver that knows a fixed set of links, as the app's would after mapping them to files. */
const resolver = (known: Record<string, LinkTarget>): LinkResolver => (url) => known[url] ?? { kind: 'not-library' };
const none = resolver({});

describe('runbookForAlert', () => {
  const library = alertRunbookIndex([
    entry('content/runbooks/kubernetes/KubePodCrashLooping', 'Kube Pod Crash Looping'),
    entry('alerts/cluster-etcd-operator/etcdMembersDown', 'etcdMembersDown'),
    entry('docs/etcd/grpc-failures', 'etcd: high number of failed gRPC requests'),
    entry('troubleshooting/disk-full', 'Disk is full', { alerts: ['NodeFilesystemAlmostOutOfSpace', 'NodeFilesystemFilesFillingUp'] }),
    entry('docs/redis/redis-memory', 'Redis memory', { aliases: ['RedisMemoryHigh'] }),
    entry('kube-pod-not-ready', 'Pods not ready'),
  ]);

  it('opens the runbook whose alerts: names the alert, in any case, before any other way', () => {
    expect(runbookForAlert(alert('nodefilesystemalmostoutofspace'), library, none)).toEqual({ id: 'troubleshooting/disk-full', by: 'alerts' });
    const linked = resolver({ 'https://wiki/x': { kind: 'runbook', id: 'docs/redis/redis-memory' } });
    expect(runbookForAlert(alert('NodeFilesystemFilesFillingUp', {}, { runbook_url: 'https://wiki/x' }), library, linked)).toEqual({ id: 'troubleshooting/disk-full', by: 'alerts' });
  });

  it('follows the alert’s runbook link through the resolver, with the section it names', () => {
    const linked = resolver({ 'docs/redis/redis-memory.md#eviction': { kind: 'runbook', id: 'docs/redis/redis-memory', section: 'eviction' } });
    expect(runbookForAlert(alert('SomethingElse', { runbook: 'docs/redis/redis-memory.md#eviction' }), library, linked)).toEqual({ id: 'docs/redis/redis-memory', by: 'link', section: 'eviction' });
  });

  it('finds the runbook by the alert’s name: file name, title, alias, each however cased or spaced', () => {
    expect(runbookForAlert(alert('KubePodCrashLooping'), library, none)).toEqual({ id: 'content/runbooks/kubernetes/KubePodCrashLooping', by: 'name' });
    expect(runbookForAlert(alert('KubePodNotReady'), library, none)).toEqual({ id: 'kube-pod-not-ready', by: 'name' });
    expect(runbookForAlert(alert('etcdMembersDown'), library, none)).toEqual({ id: 'alerts/cluster-etcd-operator/etcdMembersDown', by: 'name' });
    expect(runbookForAlert(alert('RedisMemoryHigh'), library, none)).toEqual({ id: 'docs/redis/redis-memory', by: 'name' });
  });

  it('matches a title by the words of a CamelCase name, filler words aside', () => {
    expect(runbookForAlert(alert('ETCDHighNumberOfFailedGRPCRequests'), library, none)).toEqual({ id: 'docs/etcd/grpc-failures', by: 'name' });
  });

  it('never guesses: a name sharing only some words, or one word, matches nothing and says what it looked for', () => {
    const partial = runbookForAlert(alert('KubePodCrashLoopingSoon'), library, none);
    expect(partial).toMatchObject({ by: 'name' });
    expect(partial).not.toHaveProperty('id');
    expect('lookedFor' in partial && partial.lookedFor).toContain('kube pod crash looping soon');
    expect(runbookForAlert(alert('Redis'), library, none)).not.toHaveProperty('id');
    expect(runbookForAlert(alert('Memory'), library, none)).not.toHaveProperty('id');
  });

  it('matches neither of two runbooks named alike, and names both', () => {
    const twice = alertRunbookIndex([entry('a/HighLoad', 'High load'), entry('b/HighLoad', 'High load on b')]);
    const match = runbookForAlert(alert('HighLoad'), twice, none);
    expect(match).not.toHaveProperty('id');
    expect('lookedFor' in match && match.lookedFor).toContain('a/HighLoad and b/HighLoad');
  });

  it('says which file a link that should lead to one looked for, when no name matches either', () => {
    const missing = resolver({ 'docs/gitaly/gone.md': { kind: 'missing', lookedFor: 'docs/gitaly/gone.md' } });
    expect(runbookForAlert(alert('GitalyDown', { runbook: 'docs/gitaly/gone.md' }), library, missing)).toEqual({ lookedFor: 'docs/gitaly/gone.md', by: 'link' });
    // A broken link does not hide a runbook found by name.
    expect(runbookForAlert(alert('KubePodCrashLooping', {}, { runbook_url: 'docs/gitaly/gone.md' }), library, missing)).toMatchObject({ by: 'name' });
  });

  it('reads a runbook’s # heading as one of its names', () => {
    const parsed = splitFrontMatter('---\ntitle: Pods restarting\n---\n# KubePodCrashLooping\n\nText.\n');
    if (!parsed.ok) throw new Error(parsed.reason);
    const runbook = parseRunbook('k8s/restarts.md', parsed.data, parsed.body);
    expect(runbookForAlert(alert('KubePodCrashLooping'), alertRunbookIndex([alertIndexEntry(runbook)]), none)).toEqual({ id: 'k8s/restarts', by: 'name' });
  });

  it('treats a runbook stored before alerts: existed as naming none', () => {
    const old = alertRunbookIndex([{ id: 'x', title: 'Disk full', aliases: [] }]);
    expect(runbookForAlert(alert('DiskFull'), old, none)).toEqual({ id: 'x', by: 'name' });
  });
});
