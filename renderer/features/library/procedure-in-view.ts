// R on a runbook page (and its Start button): a runbook that is one procedure starts its run as
// always; one of several procedures, or of none, asks which (ProcedureDialog), the one the reader
// is in chosen already.
import { procedures } from '../../../shared/library/document/procedures';
import { SECTION_ID_PREFIX } from '../../../shared/library/markdown/heading-slug';
import { useDialogStore } from '../../app/services/dialog-store';
import { useRouteStore } from '../../app/services/route-store';
import { startRunOf } from '../incident';
import { useRunbookStore } from './runbook-store';

export function runFromPage(runbookId: string) {
  const runbook = useRunbookStore.getState().runbook;
  // Not read yet (a key pressed as the page opens): the run dialog reads it and runs its first procedure.
  if (!runbook || runbook.id !== runbookId) return startRunOf(runbookId);
  if (procedures(runbook).length === 1) return startRunOf(runbookId, 0);
  useDialogStore.getState().show({ kind: 'procedures', runbookId, inView: sectionInView() });
}

/**
 * The slug of the section the reader is in: the one opened with `?section=` while its heading is
 * still on screen, else the last heading scrolled up to the top of the page area.
 */
function sectionInView(): string | undefined {
  const page = document.querySelector('.app-main');
  if (!page) return undefined;
  const area = page.getBoundingClientRect();
  const route = useRouteStore.getState().route;
  const opened = route.name === 'runbook' && route.section ? document.getElementById(SECTION_ID_PREFIX + route.section) : null;
  const openedTop = opened?.getBoundingClientRect().top;
  if (route.name === 'runbook' && route.section && openedTop !== undefined && openedTop >= area.top - 4 && openedTop < area.bottom) return route.section;
  let found: string | undefined;
  for (const heading of page.querySelectorAll<HTMLElement>(`.markdown [id^="${SECTION_ID_PREFIX}"]`)) {
    if (heading.getBoundingClientRect().top > area.top + 48) break;
    found = heading.id.slice(SECTION_ID_PREFIX.length);
  }
  return found;
}
