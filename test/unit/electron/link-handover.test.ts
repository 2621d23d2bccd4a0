import { describe, expect, it, vi } from 'vitest';
import { createLinkHandover, linkFromArgv } from '../../../electron/link-handover';
import { checkHandedLink, createBridge, LINK_EVENT, MAX_HANDED_LINK, type Listen } from '../../../shared/ipc-contract';

describe('a launch’s arguments → the link it was given', () => {
  it.each([
    [['/opt/Failsafe/failsafe', 'failsafe://runbook/docs/redis'], 'failsafe://runbook/docs/redis'],
    // Windows and Linux desktops put switches before the link; `electron .` puts the app's folder.
    [['C:\\Failsafe\\Failsafe.exe', '--allow-file-access-from-files', '--original-process-start-time=1', 'failsafe://alert?alertname=X'], 'failsafe://alert?alertname=X'],
    [['/usr/bin/electron', '.', 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping'], 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping'],
    [['/usr/bin/electron', '.'], undefined],
    [['failsafe', 'javascript:alert(1)', 'file:///etc/passwd', '--flag=failsafe://runbook/x'], undefined],
    [['failsafe', `failsafe://runbook/${'a'.repeat(MAX_HANDED_LINK)}`], undefined],
  ])('%j gives %s', (argv, link) => {
    expect(linkFromArgv(argv)).toBe(link);
  });
});

describe('the link event’s payload', () => {
  it.each([
    ['failsafe://runbook/docs/redis#steps', true],
    ['HTTPS://github.com/openshift/runbooks/blob/master/alerts/x/Y.md', true],
    ['http://127.0.0.1/runbooks/x', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['failsafe://runbook/a\nb', false],
    ['failsafe://runbook/a\u0000', false],
    ['docs/redis', false],
    [`failsafe://runbook/${'a'.repeat(MAX_HANDED_LINK)}`, false],
    [42, false],
    [{ url: 'failsafe://runbook/x' }, false],
  ])('%j is accepted: %s', (payload, accepted) => {
    expect(checkHandedLink(payload).ok).toBe(accepted);
  });

  it('reaches the page’s listener only when it passes the check, until the listener stops', () => {
    const deliverers: ((payload: unknown) => void)[] = [];
    const listen: Listen = (event, deliver) => {
      expect(event).toBe(LINK_EVENT);
      deliverers.push(deliver);
      return () => deliverers.splice(deliverers.indexOf(deliver), 1);
    };
    const bridge = createBridge(() => Promise.resolve(undefined), listen);
    const seen: string[] = [];
    const stop = bridge.onLink((link) => seen.push(link));
    for (const payload of ['failsafe://runbook/docs/redis', 'javascript:alert(1)', 7, 'x'.repeat(MAX_HANDED_LINK + 1)]) deliverers.forEach((deliver) => deliver(payload));
    stop();
    deliverers.forEach((deliver) => deliver('failsafe://runbook/after'));
    expect(seen).toEqual(['failsafe://runbook/docs/redis']);
  });
});

describe('main keeps links until the window has loaded', () => {
  it('sends what came before the window was ready, in order, then each link at once, and keeps again while it reloads', () => {
    const send = vi.fn();
    const handover = createLinkHandover(send);
    handover.offer('failsafe://runbook/first');
    handover.offer(undefined);
    handover.offer('javascript:alert(1)');
    handover.offer('failsafe://runbook/second');
    expect(send).not.toHaveBeenCalled();
    handover.ready();
    expect(send.mock.calls).toEqual([['failsafe://runbook/first'], ['failsafe://runbook/second']]);
    handover.offer('failsafe://runbook/third');
    expect(send).toHaveBeenLastCalledWith('failsafe://runbook/third');
    handover.notReady();
    handover.offer('failsafe://runbook/fourth');
    expect(send).toHaveBeenCalledTimes(3);
    handover.ready();
    expect(send).toHaveBeenLastCalledWith('failsafe://runbook/fourth');
  });

  it('keeps only the latest links of a burst', () => {
    const send = vi.fn();
    const handover = createLinkHandover(send);
    for (let index = 0; index < 50; index++) handover.offer(`failsafe://runbook/r${index}`);
    handover.ready();
    expect(send.mock.calls.map(([link]) => link)).toEqual(Array.from({ length: 10 }, (_, index) => `failsafe://runbook/r${index + 40}`));
  });
});
