import { beforeEach, describe, expect, it, vi } from 'vitest';

// openLibraryLink with the library, the sync settings and the alerts screen stood in for: what the
// responder sees after a link (the runbook's route, the alerts screen, or a message naming the file).

const showAlerts = vi.fn();
const library = { summaries: [{ id: 'content/runbooks/kubernetes/KubePodCrashLooping' }, { id: 'docs/redis' }], phase: 'ready' };
const settings = { url: 'git@github.com:acme/runbooks.git', branch: 'main', subfolder: '', siteBases: [{ url: 'https://runbooks.prometheus-operator.dev/runbooks/', folder: 'content/runbooks' }] };

vi.mock('../../../renderer/features/alerts', () => ({ showAlerts }));
vi.mock('../../../renderer/features/library', () => ({ useLibraryStore: { getState: () => library, subscribe: () => () => undefined } }));
vi.mock('../../../renderer/features/sync', () => ({ useSyncStore: { getState: () => ({ settings }) } }));

beforeEach(() => {
  vi.stubGlobal('window', { location: { hash: '#/settings' }, addEventListener: () => undefined });
  showAlerts.mockClear();
  // Fresh stores for each test, as a new window has.
  vi.resetModules();
});

async function app() {
  const { openLibraryLink, openHandedLink } = await import('../../../renderer/features/links');
  const { useRouteStore } = await import('../../../renderer/app/services/route-store');
  const { useLinkNoticeStore } = await import('../../../renderer/features/links/link-notice-store');
  return { openLibraryLink, openHandedLink, route: () => useRouteStore.getState().route, notice: () => useLinkNoticeStore.getState().notice, hash: () => window.location.hash };
}

describe('opening a link', () => {
  it('opens the runbook a published site’s page names, at its section, and clears an earlier message', async () => {
    const { openLibraryLink, route, notice, hash } = await app();
    await openLibraryLink('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/nodenotready');
    expect(notice()?.text).toBe('No runbook of the library for this link. Looked for content/runbooks/kubernetes/nodenotready.md (or content/runbooks/kubernetes/nodenotready/README.md), any letter case.');
    await openLibraryLink('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping/#mitigation');
    expect(route()).toEqual({ name: 'runbook', id: 'content/runbooks/kubernetes/KubePodCrashLooping', section: 'mitigation' });
    expect(hash()).toBe('#/runbook/content/runbooks/kubernetes/KubePodCrashLooping?section=mitigation');
    expect(notice()).toBeUndefined();
  });

  it('opens the repository’s own page on any branch, from an ssh sync URL', async () => {
    const { openLibraryLink, route } = await app();
    expect(await openLibraryLink('https://github.com/acme/runbooks/tree/hotfix/docs/redis')).toEqual({ kind: 'runbook', id: 'docs/redis' });
    expect(route()).toEqual({ name: 'runbook', id: 'docs/redis' });
  });

  it('shows a failsafe://alert link’s alert on "From an alert", and says when it names none', async () => {
    const { openLibraryLink, notice } = await app();
    expect(await openLibraryLink('failsafe://alert?alertname=KubePodCrashLooping&namespace=payments')).toEqual({ kind: 'alerts', count: 1 });
    expect(showAlerts).toHaveBeenCalledWith({ alerts: [expect.objectContaining({ name: 'KubePodCrashLooping', labels: { alertname: 'KubePodCrashLooping', namespace: 'payments' }, source: 'link' })], problems: [] });
    await openLibraryLink('failsafe://alert?namespace=payments');
    expect(showAlerts).toHaveBeenCalledTimes(1);
    expect(notice()?.text).toBe('This alert link could not be read: The alert link names no alert (alertname=…).');
  });

  it('leaves a link of elsewhere to the caller, but a handed-over one says it is none of the library’s', async () => {
    const { openLibraryLink, openHandedLink, notice } = await app();
    expect(await openLibraryLink('https://status.acme.dev/incidents/42')).toEqual({ kind: 'not-library' });
    expect(notice()).toBeUndefined();
    await openHandedLink('https://status.acme.dev/incidents/42');
    expect(notice()).toEqual({ link: 'https://status.acme.dev/incidents/42', text: expect.stringContaining('not one of the library’s') });
  });

  it('refuses a link that climbs out of the library, saying why, and shows a long link cut', async () => {
    const { openLibraryLink, notice, route } = await app();
    const before = route();
    await openLibraryLink(`failsafe://runbook/../../etc/passwd?${'x'.repeat(300)}`);
    expect(route()).toEqual(before);
    expect(notice()?.text).toBe('This link was not opened: the link cannot be read: its path climbs out of the library.');
    expect(notice()?.link).toHaveLength(201);
  });
});

describe('a link handed to a browser preview in its address', () => {
  it('opens once the page starts, and leaves the address so a reload does not open it again', async () => {
    const replaceState = vi.fn();
    vi.stubGlobal('window', { location: { hash: '', href: 'http://127.0.0.1:4173/?open=failsafe%3A%2F%2Frunbook%2Fdocs%2Fredis%23flush' }, history: { state: null, replaceState }, addEventListener: () => undefined });
    const { startLinkHandover } = await import('../../../renderer/features/links');
    const { useRouteStore } = await import('../../../renderer/app/services/route-store');
    startLinkHandover();
    await vi.waitFor(() => expect(useRouteStore.getState().route).toEqual({ name: 'runbook', id: 'docs/redis', section: 'flush' }));
    expect(replaceState).toHaveBeenCalledWith(null, '', 'http://127.0.0.1:4173/');
  });

  it('opens nothing that is not a failsafe: or web link', async () => {
    vi.stubGlobal('window', { location: { hash: '', href: 'http://127.0.0.1:4173/?open=javascript%3Aalert(1)' }, history: { state: null, replaceState: () => undefined }, addEventListener: () => undefined });
    const { startLinkHandover } = await import('../../../renderer/features/links');
    const { useLinkNoticeStore } = await import('../../../renderer/features/links/link-notice-store');
    const { useRouteStore } = await import('../../../renderer/app/services/route-store');
    startLinkHandover();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(useRouteStore.getState().route).toEqual({ name: 'home' });
    expect(useLinkNoticeStore.getState().notice).toBeUndefined();
  });
});
