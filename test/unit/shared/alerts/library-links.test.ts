import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertFromLink } from '../../../../shared/alerts/links/alert-link';
import { libraryLinkResolver, type LinkContext, type LinkTarget } from '../../../../shared/alerts/links/library-links';
import { MAX_LINK_LENGTH } from '../../../../shared/alerts/links/link-paths';
import { repositoryWeb } from '../../../../shared/alerts/links/repository-web';

// The runbooks of test/fixtures/public-shapes (one repository holding the three public layouts),
// plus a folder whose README is its runbook.
const IDS = [
  'content/runbooks/kubernetes/KubePodCrashLooping',
  'content/runbooks/kubernetes/KubePersistentVolumeFillingUp',
  'content/runbooks/alertmanager/AlertmanagerFailedToSendAlerts',
  'alerts/cluster-etcd-operator/etcdMembersDown',
  'alerts/cluster-ingress-operator/HAProxyDown',
  'docs/gitaly/gitaly-unavailable',
  'docs/redis',
];

const context = (changes: Partial<LinkContext> = {}): LinkContext => ({ syncUrl: 'https://github.com/acme/runbooks.git', branch: '', subfolder: '', siteBases: [], ...changes });
const resolve = (url: string, changes: Partial<LinkContext> = {}, ids: readonly string[] = IDS): LinkTarget => libraryLinkResolver(context(changes), ids)(url);
const runbook = (id: string, section?: string): LinkTarget => (section ? { kind: 'runbook', id, section } : { kind: 'runbook', id });

const PROMETHEUS_OPERATOR_SITE = { url: 'https://runbooks.prometheus-operator.dev/runbooks/', folder: 'content/runbooks' };
const OPENSHIFT_ON_GITHUB = { url: 'https://github.com/openshift/runbooks/blob/master/', folder: '' };

describe('the repository’s own web pages, from the sync URL', () => {
  it.each([
    ['https://github.com/acme/runbooks.git', 'https://github.com/acme/runbooks/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
    ['https://github.com/acme/runbooks', 'https://github.com/Acme/Runbooks/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
    ['git@github.com:acme/runbooks.git', 'https://github.com/acme/runbooks/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
    ['ssh://git@git.acme.internal:2222/ops/runbooks.git', 'https://git.acme.internal/ops/runbooks/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
    ['https://gitlab.com/acme/platform/runbooks.git', 'https://gitlab.com/acme/platform/runbooks/-/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
    ['git@gitlab.acme.internal:acme/runbooks.git', 'https://gitlab.acme.internal/acme/runbooks/-/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
    ['http://127.0.0.1:8080/runbooks', 'http://127.0.0.1:8080/runbooks/blob/main/alerts/cluster-etcd-operator/etcdMembersDown.md'],
  ])('synced from %s, opens %s', (syncUrl, link) => {
    expect(resolve(link, { syncUrl })).toEqual(runbook('alerts/cluster-etcd-operator/etcdMembersDown'));
  });

  it('reads any branch, one with slashes too, and a folder view (its README)', () => {
    expect(resolve('https://github.com/acme/runbooks/blob/master/docs/gitaly/gitaly-unavailable.md')).toEqual(runbook('docs/gitaly/gitaly-unavailable'));
    expect(resolve('https://github.com/acme/runbooks/blob/release/2.1/docs/gitaly/gitaly-unavailable.md#diagnosis')).toEqual(runbook('docs/gitaly/gitaly-unavailable', 'diagnosis'));
    expect(resolve('https://github.com/acme/runbooks/tree/main/docs/redis')).toEqual(runbook('docs/redis'));
    expect(resolve('https://github.com/acme/runbooks/blob/main/docs/redis/README.md')).toEqual(runbook('docs/redis'));
    expect(resolve('https://github.com/acme/runbooks/blob/feature/docs/docs/redis/README.md', { branch: 'feature/docs' })).toEqual(runbook('docs/redis'));
  });

  it('takes the path relative to the configured subfolder, and says when a file is outside it', () => {
    const ids = ['kubernetes/KubePodCrashLooping'];
    const inSubfolder = { subfolder: 'content/runbooks' };
    expect(resolve('https://github.com/acme/runbooks/blob/main/content/runbooks/kubernetes/KubePodCrashLooping.md', inSubfolder, ids)).toEqual(runbook('kubernetes/KubePodCrashLooping'));
    expect(resolve('https://github.com/acme/runbooks/blob/main/alerts/x/Other.md', inSubfolder, ids)).toEqual({ kind: 'missing', lookedFor: 'alerts/x/Other.md, outside the library’s folder content/runbooks' });
  });

  it('says which file it looked for when the library has none', () => {
    expect(resolve('https://github.com/acme/runbooks/blob/main/alerts/cluster-etcd-operator/etcdNoLeader.md')).toEqual({ kind: 'missing', lookedFor: 'alerts/cluster-etcd-operator/etcdNoLeader.md' });
  });

  it('leaves other repositories, hosts and pages alone', () => {
    expect(resolve('https://github.com/other/runbooks/blob/main/docs/redis/README.md')).toEqual({ kind: 'not-library' });
    expect(resolve('https://gitlab.com/acme/runbooks/blob/main/docs/redis/README.md')).toEqual({ kind: 'not-library' });
    expect(resolve('https://github.com/acme/runbooks/issues/12')).toEqual({ kind: 'not-library' });
    expect(resolve('https://github.com/acme/runbooks/blob/main/docs/redis/README.md', { syncUrl: '' })).toEqual({ kind: 'not-library' });
  });

  it('reads the web place of each form of sync URL', () => {
    expect(repositoryWeb('git@github.com:openshift/runbooks.git')).toEqual({ host: 'github.com', repoPath: 'openshift/runbooks' });
    expect(repositoryWeb('https://gitlab.com/gitlab-com/runbooks.git/')).toEqual({ host: 'gitlab.com', repoPath: 'gitlab-com/runbooks' });
    expect(repositoryWeb('ssh://git@example.com:7999/scm/ops/runbooks.git')).toEqual({ host: 'example.com', repoPath: 'scm/ops/runbooks' });
    expect(repositoryWeb('')).toBeUndefined();
    expect(repositoryWeb('file:///srv/runbooks')).toBeUndefined();
  });
});

describe('the public repositories’ runbook_url forms', () => {
  it('opens a prometheus-operator runbook_url through its published site: lower-cased slugs find their files', () => {
    const sites = { siteBases: [PROMETHEUS_OPERATOR_SITE] };
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping', sites)).toEqual(runbook('content/runbooks/kubernetes/KubePodCrashLooping'));
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping/', sites)).toEqual(runbook('content/runbooks/kubernetes/KubePodCrashLooping'));
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepersistentvolumefillingup/index.html#mitigation', sites)).toEqual(runbook('content/runbooks/kubernetes/KubePersistentVolumeFillingUp', 'mitigation'));
    expect(resolve('https://RUNBOOKS.prometheus-operator.dev/runbooks/alertmanager/alertmanagerfailedtosendalerts?utm=x', sites)).toEqual(runbook('content/runbooks/alertmanager/AlertmanagerFailedToSendAlerts'));
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubenodenotready', sites)).toEqual({ kind: 'missing', lookedFor: 'content/runbooks/kubernetes/kubenodenotready.md (or content/runbooks/kubernetes/kubenodenotready/README.md), any letter case' });
    // Without the site set in Settings, the link is not the library's.
    expect(resolve('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping')).toEqual({ kind: 'not-library' });
  });

  it('opens an OpenShift runbook_url: from the sync URL when synced from GitHub, else through a site base', () => {
    const link = 'https://github.com/openshift/runbooks/blob/master/alerts/cluster-ingress-operator/HAProxyDown.md';
    expect(resolve(link, { syncUrl: 'https://github.com/openshift/runbooks.git' })).toEqual(runbook('alerts/cluster-ingress-operator/HAProxyDown'));
    expect(resolve(link, { syncUrl: 'https://mirror.acme.internal/openshift/runbooks.git', siteBases: [OPENSHIFT_ON_GITHUB] })).toEqual(runbook('alerts/cluster-ingress-operator/HAProxyDown'));
  });

  it('opens a GitLab runbook: label, relative to the repository, then to the library', () => {
    expect(resolve('docs/gitaly/gitaly-unavailable.md')).toEqual(runbook('docs/gitaly/gitaly-unavailable'));
    expect(resolve('docs/gitaly/gitaly-unavailable.md#troubleshooting')).toEqual(runbook('docs/gitaly/gitaly-unavailable', 'troubleshooting'));
    expect(resolve('docs/redis/')).toEqual(runbook('docs/redis'));
    expect(resolve('docs/gitaly/gitaly-unavailable.md', { subfolder: 'docs' }, ['gitaly/gitaly-unavailable'])).toEqual(runbook('gitaly/gitaly-unavailable'));
    expect(resolve('gitaly/gitaly-unavailable.md', { subfolder: 'docs' }, ['gitaly/gitaly-unavailable'])).toEqual(runbook('gitaly/gitaly-unavailable'));
    expect(resolve('docs/gitaly/missing.md')).toEqual({ kind: 'missing', lookedFor: 'docs/gitaly/missing.md' });
    // A bare word is a name, not a path.
    expect(resolve('KubePodCrashLooping')).toEqual({ kind: 'not-library' });
  });
});

describe('site bases', () => {
  it('map a site to a folder of the library, the most specific first; the base itself is its folder', () => {
    const siteBases = [
      { url: 'https://docs.acme.dev/', folder: 'alerts' },
      { url: 'https://docs.acme.dev/databases/', folder: 'docs' },
    ];
    expect(resolve('https://docs.acme.dev/cluster-etcd-operator/etcdmembersdown.html', { siteBases })).toEqual(runbook('alerts/cluster-etcd-operator/etcdMembersDown'));
    expect(resolve('https://docs.acme.dev/databases/redis/', { siteBases })).toEqual(runbook('docs/redis'));
    expect(resolve('https://docs.acme.dev/databases/redis/_index', { siteBases })).toEqual(runbook('docs/redis'));
    expect(resolve('https://docs.acme.dev/databases', { siteBases: [{ url: 'https://docs.acme.dev/databases/', folder: 'docs/redis' }] })).toEqual(runbook('docs/redis'));
    expect(resolve('http://docs.acme.dev/databases/redis/', { siteBases })).toEqual({ kind: 'not-library' });
  });

  it('never let a link climb out of the library, whatever it encodes', () => {
    const siteBases = [{ url: 'https://docs.acme.dev/', folder: 'alerts' }];
    expect(resolve('https://docs.acme.dev/%2e%2e/%2e%2e/%2e%2e/etc/passwd', { siteBases }).kind).not.toBe('runbook');
    expect(resolve('failsafe://runbook/../../etc/passwd')).toEqual({ kind: 'refused', reason: 'the link cannot be read: its path climbs out of the library' });
    expect(resolve('failsafe://runbook/docs/..%2f..%2fetc')).toEqual({ kind: 'refused', reason: 'the link cannot be read: its path holds a separator or a control character' });
    expect(resolve('../docs/redis/README.md')).toMatchObject({ kind: 'refused' });
    // Inside the library, `..` is only a way round.
    expect(resolve('failsafe://runbook/docs/gitaly/../redis')).toEqual(runbook('docs/redis'));
  });
});

describe('failsafe:// links', () => {
  it('open a runbook by its path, with or without .md, at a section', () => {
    expect(resolve('failsafe://runbook/alerts/cluster-etcd-operator/etcdMembersDown')).toEqual(runbook('alerts/cluster-etcd-operator/etcdMembersDown'));
    expect(resolve('failsafe://runbook/alerts/cluster-etcd-operator/etcdMembersDown.md#diagnosis')).toEqual(runbook('alerts/cluster-etcd-operator/etcdMembersDown', 'diagnosis'));
    expect(resolve('FAILSAFE://runbook/docs/redis/README.md')).toEqual(runbook('docs/redis'));
    expect(resolve('failsafe://runbook/docs/My%20Runbook.md#Step%202', {}, ['docs/My Runbook'])).toEqual(runbook('docs/My Runbook', 'Step 2'));
    expect(resolve('failsafe://runbook/docs/nowhere')).toEqual({ kind: 'missing', lookedFor: 'docs/nowhere.md (or docs/nowhere/README.md), any letter case' });
    expect(resolve('failsafe://runbook/')).toEqual({ kind: 'missing', lookedFor: 'the library’s root folder (it is not a runbook)' });
  });

  it('refuse bad percent-encoding and over-long links as problems, never throws', () => {
    expect(resolve('failsafe://runbook/docs/%E0%A4%A')).toEqual({ kind: 'refused', reason: 'the link cannot be read: its path is not valid percent-encoding' });
    expect(resolve('failsafe://runbook/docs/redis#%ZZ')).toEqual({ kind: 'refused', reason: 'the link’s section is not valid percent-encoding' });
    expect(resolve(`failsafe://runbook/${'a/'.repeat(MAX_LINK_LENGTH)}`)).toMatchObject({ kind: 'refused' });
    expect(resolve('mailto:oncall@acme.dev')).toEqual({ kind: 'not-library' });
    expect(resolve('https://[::1')).toEqual({ kind: 'not-library' });
  });

  it('read an alert from failsafe://alert, every parameter a label', () => {
    expect(alertFromLink('failsafe://alert?alertname=KubePodCrashLooping&namespace=payments&pod=api-7f9c')).toEqual({
      alerts: [{ name: 'KubePodCrashLooping', state: 'unknown', labels: { alertname: 'KubePodCrashLooping', namespace: 'payments', pod: 'api-7f9c' }, annotations: {}, source: 'link' }],
      problems: [],
    });
    expect(alertFromLink('failsafe://runbook/docs/redis')).toBeUndefined();
    expect(alertFromLink('https://example.com/?alertname=x')).toBeUndefined();
    expect(alertFromLink('failsafe://alert?namespace=payments')).toEqual({ alerts: [], problems: ['The alert link names no alert (alertname=…).'] });
  });

  it('keep hostile alert link values as text, and labels named like Object’s own as labels', () => {
    const read = alertFromLink(`failsafe://alert?alertname=X&cmd=${encodeURIComponent('$(rm -rf /)`id`')}&__proto__=p&constructor=c&bad%20name=1&cmd=2&v=%ZZ`);
    expect(read?.alerts[0].labels.cmd).toBe('$(rm -rf /)`id`');
    expect(Object.getOwnPropertyNames(read?.alerts[0].labels)).toEqual(['alertname', 'cmd', '__proto__', 'constructor', 'v']);
    expect(Object.getPrototypeOf(read?.alerts[0].labels)).toBe(Object.prototype);
    expect(read?.problems).toEqual(['A label name of the link is not valid: "bad name".', 'The label cmd is given twice; the first value is kept.']);
  });
});

describe('hostile links', () => {
  const siteBases = [PROMETHEUS_OPERATOR_SITE, { url: 'https://docs.acme.dev/', folder: '' }];
  const resolver = libraryLinkResolver(context({ subfolder: '', siteBases }), IDS);
  const pieces = fc.constantFrom('..', '.', '%2e%2e', '%2F', '%', '%E0%A4', '#', '?', '/', '//', '\\', '\u0000', '%00', 'a', 'Docs', 'redis', 'README.md', 'index.html', ':', '@', ' ', '\n', 'é', '%C3%A9');
  const prefixes = fc.constantFrom('failsafe://runbook/', 'failsafe://alert?', 'https://github.com/acme/runbooks/blob/', 'https://runbooks.prometheus-operator.dev/runbooks/', 'https://docs.acme.dev/', 'docs/', '', 'failsafe:');
  const hostile = fc.tuple(prefixes, fc.array(pieces, { maxLength: 400 })).map(([prefix, parts]) => prefix + parts.join(''));

  it('give a target or a problem for any link, never a runbook the library lacks, nor an exception', () => {
    const ids = new Set(IDS);
    fc.assert(
      fc.property(hostile, (url) => {
        const target = resolver(url);
        if (target.kind === 'runbook') expect(ids.has(target.id)).toBe(true);
        alertFromLink(url);
      }),
      { numRuns: 400, seed: 18 },
    );
  });

  it('answer at once for links up to the length cap and far beyond', () => {
    const started = performance.now();
    for (const piece of ['../', '%2e%2e/', 'a/', '%', '#', '?x=1&', 'é']) {
      for (const size of [MAX_LINK_LENGTH - 40, MAX_LINK_LENGTH * 250]) {
        const body = piece.repeat(Math.ceil(size / piece.length));
        for (const prefix of ['failsafe://runbook/', 'https://docs.acme.dev/', 'https://github.com/acme/runbooks/blob/', 'docs/']) resolver(prefix + body);
        alertFromLink(`failsafe://alert?alertname=x&${body}`);
      }
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
