import type { IncidentState } from '../../../shared/incident/incident-state';
import { formatUtc } from '../../../shared/incident/time-format';
import { writerName, writersInOrder } from '../../../shared/incident/writers';
import { SHARE_NOW_KEY, withShift } from '../../ui/keys';
import { useScreenKey } from '../../ui/use-screen-key';
import { useIncidentStore } from '../incident';
import { unsharedCount } from './exchange-plan';
import { ownShareStatus, type OwnShareFacts } from './share-status';
import { useShareStore } from './share-store';

/** Who is working on the incident, each one's last event, and what of this machine's has not reached the others. */
export function RespondersPanel({ incident }: { incident: IncidentState }) {
  const you = useIncidentStore((state) => state.writer);
  const mode = useShareStore((state) => (state.available ? state.settings?.mode : undefined));
  const unavailable = useShareStore((state) => state.unavailable);
  const sharedSeq = useShareStore((state) => state.sharedSeq[incident.id]);
  const unshareable = useShareStore((state) => state.unshareable[incident.id]);
  const offline = useShareStore((state) => state.offline);
  const lastExchangeAt = useShareStore((state) => state.lastExchangeAt);
  const running = useShareStore((state) => state.running);
  const allRefused = useShareStore((state) => state.refused);
  const sharing: OwnShareFacts['sharing'] = mode === undefined ? { kind: 'unavailable', reason: unavailable ?? 'Sharing is starting.' } : mode === 'off' ? { kind: 'off' } : { kind: 'on' };
  const ownId = you.id;
  const own = incident.writers[ownId]?.lastSeq ?? 0;
  const status = ownShareStatus({ sharing, own, unshared: unsharedCount(own, sharedSeq), unshareable, offline, lastExchangeAt });
  const refused = allRefused.filter((refusal) => refusal.path.startsWith(`incidents/${incident.id}/`));
  const on = sharing.kind === 'on';
  // Shift: plain S skips a step on the run screen.
  useScreenKey(SHARE_NOW_KEY, () => void useShareStore.getState().exchangeNow(), { enabled: on, shift: true });
  const writers = writersInOrder(incident.writers);
  return (
    <section aria-labelledby="responders-heading" className="responders">
      <h2 id="responders-heading">Responders</h2>
      <ul className="responders-list">
        {writers.map((writer) => (
          <li key={writer.id}>
            <span className="responder-who">
              {writerName(writer)}
              {writer.id === ownId && <span className="badge">you</span>}
            </span>
            <span className="muted">last event {formatUtc(writer.lastAt).slice(11)}</span>
            {writer.id === ownId && !you.name && <span className="muted">(the others see this until you set your name in Settings)</span>}
          </li>
        ))}
        {!writers.some((writer) => writer.id === ownId) && (
          <li>
            <span className="responder-who">
              {writerName(you)}
              <span className="badge">you</span>
            </span>
            <span className="muted">no events yet</span>
          </li>
        )}
      </ul>
      <p className="responders-status" role="status">
        {status}
        {/* Apart from the status, whose last sentence may have no full stop ("1 event not shared yet Sharing…" read as one). */}
        {running && ' (sharing now…)'}
      </p>
      {on && (
        <button type="button" onClick={() => void useShareStore.getState().exchangeNow()} aria-keyshortcuts="Shift+S">
          Share now <kbd>{withShift(SHARE_NOW_KEY)}</kbd>
        </button>
      )}
      {refused.length > 0 && (
        <>
          <h3>Not taken in from the shared place</h3>
          <ul className="responders-refused">
            {refused.map((refusal) => (
              <li key={`${refusal.path}:${refusal.line ?? ''}:${refusal.reason}`}>
                <code>{refusal.path}</code>
                {refusal.line !== undefined && `, line ${refusal.line}`}: {refusal.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

