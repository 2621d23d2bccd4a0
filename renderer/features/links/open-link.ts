// Opens a runbook link in the app: a `failsafe://alert` link on the "From an alert" screen, a link
// of the library on its runbook (at its section), and says which file it looked for when the
// library has none. Used for links handed over by the desktop and by the lead's palette and pages.
import { alertFromLink } from '../../../shared/alerts/links/alert-link';
import { libraryLinkResolver, type LinkContext, type LinkTarget } from '../../../shared/alerts/links/library-links';
import { desktopBridge } from '../../app/services/bridge';
import { useRouteStore } from '../../app/services/route-store';
import { showAlerts } from '../alerts';
import { useLibraryStore } from '../library';
import { useSyncStore } from '../sync';
import { linkContextOf } from './link-context';
import { useLinkNoticeStore } from './link-notice-store';

/** What opening a link did: the library target it resolved to, or the alerts it showed. */
export type LinkOpened = LinkTarget | { kind: 'alerts'; count: number };

/** A link shown on screen is cut: it is outside text and may be long. */
const SHOWN_LINK_CHARS = 200;

/** Opens `url` as described above; `not-library` opens nothing (the caller may open it outside the app). */
export async function openLibraryLink(url: string): Promise<LinkOpened> {
  const alerts = alertFromLink(url);
  if (alerts) {
    if (!alerts.alerts.length) {
      notify(url, `This alert link could not be read: ${alerts.problems.join(' ')}`);
      return { kind: 'alerts', count: 0 };
    }
    useLinkNoticeStore.getState().dismiss();
    showAlerts(alerts);
    return { kind: 'alerts', count: alerts.alerts.length };
  }
  const ids = useLibraryStore.getState().summaries.map((summary) => summary.id);
  const target = libraryLinkResolver(await linkContext(), ids)(url);
  if (target.kind === 'runbook') {
    useLinkNoticeStore.getState().dismiss();
    useRouteStore.getState().navigate(target.section ? { name: 'runbook', id: target.id, section: target.section } : { name: 'runbook', id: target.id });
  } else if (target.kind === 'missing') {
    notify(url, `No runbook of the library for this link. Looked for ${target.lookedFor}.`);
  } else if (target.kind === 'refused') {
    notify(url, `This link was not opened: ${target.reason}.`);
  }
  return target;
}

/** Only a link handed to the app (not one the responder clicked) says when it is none of the library's. */
export async function openHandedLink(url: string): Promise<LinkOpened> {
  const opened = await openLibraryLink(url);
  if (opened.kind === 'not-library') {
    notify(url, 'This link is not one of the library’s: not the synced repository, a published site set in Settings, nor a failsafe:// link.');
  }
  return opened;
}

async function linkContext(): Promise<LinkContext> {
  return linkContextOf(useSyncStore.getState().settings ?? (await desktopBridge()?.syncSettings().catch(() => undefined)));
}

function notify(url: string, text: string) {
  const link = url.length > SHOWN_LINK_CHARS ? `${url.slice(0, SHOWN_LINK_CHARS)}…` : url;
  useLinkNoticeStore.getState().show({ link, text });
}
