import type { IncidentState } from '../../../shared/incident/incident-state';
import { hashOf } from '../../app/services/routes';
import { focusPage } from '../../ui/focus-page';
import { useIncidentStore } from '../incident';
import { unsharedCount } from './exchange-plan';
import { useShareStore } from './share-store';

/**
 * For the incident bar: the shared place cannot be reached. Said on every screen, not only in the
 * incident page's Responders panel: a walk worked the run screen through a sharing outage and saw
 * nothing of it. A link to that panel, which says why and that nothing is lost.
 */
export function ShareOfflineMark({ incident }: { incident: IncidentState }) {
  const you = useIncidentStore((state) => state.writer.id);
  const on = useShareStore((state) => state.available && !!state.settings && state.settings.mode !== 'off');
  const offline = useShareStore((state) => state.offline);
  const sharedSeq = useShareStore((state) => state.sharedSeq[incident.id]);
  if (!on || !offline) return null;
  const unshared = unsharedCount(incident.writers[you]?.lastSeq ?? 0, sharedSeq);
  return (
    <a className="incident-share-offline" href={hashOf({ name: 'incident', id: incident.id })} title={`Sharing is offline: ${offline}`} onClick={focusPage}>
      ⚠ sharing offline{unshared > 0 ? `: ${unshared} not shared` : ''}
    </a>
  );
}
