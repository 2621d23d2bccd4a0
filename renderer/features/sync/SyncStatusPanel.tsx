import { useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useScreenKey } from '../../ui/use-screen-key';
import { syncKeysLabel } from '../../ui/keys';
import { describeKeptAndRemoved } from '../../../shared/sync/library-changes';
import { hashOf } from '../../app/services/routes';
import { useRouteStore } from '../../app/services/route-store';
import { useSyncStore, type SyncOutcome } from './sync-store';
import { TitlePlace } from '../library';
import { openCurrentIncident, useIncidentStore } from '../incident';

/**
 * Runbooks named in a sync's summary: a first sync of a large library changes thousands, and
 * listing them all took the window's thread a tenth of a second and a screen reader hours; the
 * "changed" badges mark every one of them anyway.
 */
const LISTED_AT_MOST = 50;

/**
 * Progress while syncing, then what changed (what was kept, and what went) or why it failed, in
 * plain words. It sits in the layout above the page, never over it, and closes with its button or
 * Esc until a sync changes something.
 */
export function SyncStatusPanel() {
  const running = useSyncStore((state) => state.running);
  const status = useSyncStore((state) => state.status);
  const outcome = useSyncStore((state) => state.outcome);
  const error = useSyncStore((state) => state.error);
  const dismissed = useSyncStore((state) => state.dismissed);
  const held = useSyncStore((state) => state.held);
  // The incident that held the sync resolved (or put away): nothing waits any more.
  const stillOpen = useIncidentStore((state) => !!openCurrentIncident(state));
  // A summary is read where it appears: on the next page it shrinks to its first line, its lists a
  // button away (it stood, 150 px tall, above every page opened after a sync).
  const place = useRouteStore((state) => hashOf(state.route));
  const [seen, setSeen] = useState<{ outcome: SyncOutcome; place: string }>();
  if (outcome && seen?.outcome !== outcome) setSeen({ outcome, place });
  const leftBehind = !!outcome && seen?.outcome === outcome && seen.place !== place;
  if (running) {
    return (
      <p className="banner sync-progress" role="status">
        Syncing: {status.phase ?? 'starting'}
        {status.percent !== undefined ? ` ${status.percent}%` : ''}
        <progress max={100} value={status.percent} />
      </p>
    );
  }
  if (dismissed) return null;
  if (held && stillOpen) {
    return (
      <DismissibleBanner className="banner warning" role="status" closeLabel="Close the note on the waiting sync">
        <p>
          The repository’s library waits for your word: its first sync replaces the bundled library “{held.incidentTitle}” is using. <kbd>{syncKeysLabel()}</kbd> shows what goes, and syncs.
        </p>
      </DismissibleBanner>
    );
  }
  if (error) {
    return (
      <DismissibleBanner className="banner warning" role="alert" closeLabel="Close the sync error">
        <p>{error.message}</p>
        {error.problems.length > 0 && (
          <ul>
            {error.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </DismissibleBanner>
    );
  }
  if (!outcome) return null;
  const changed = outcome.changes ? [...outcome.changes.updated.map((item) => ({ ...item, word: 'updated' })), ...outcome.changes.added.map((item) => ({ ...item, word: 'added' })), ...outcome.changes.removed.map((item) => ({ ...item, word: 'removed' }))] : [];
  const listed = changed.slice(0, LISTED_AT_MOST);
  const keptAndRemoved = outcome.changes ? describeKeptAndRemoved(outcome.changes) : [];
  return (
    <DismissibleBanner className="banner sync-outcome" role="status" closeLabel="Close the sync summary">
      <p>
        Synced: {outcome.summary}
        {leftBehind && (keptAndRemoved.length > 0 || listed.length > 0) && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setSeen({ outcome, place })}>
              Show what changed
            </button>
          </>
        )}
      </p>
      {!leftBehind && keptAndRemoved.length > 0 && (
        <ul className="sync-kept" aria-label="Kept and removed besides runbooks">
          {keptAndRemoved.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {!leftBehind && listed.length > 0 && (
        <ul>
          {listed.map((item) =>
            item.word === 'removed' ? (
              <li key={`removed ${item.id}`}>{item.title} (removed)</li>
            ) : (
              <li key={item.id}>
                <a href={hashOf({ name: 'runbook', id: item.id })}>{item.title}</a>
                <TitlePlace id={item.id} /> ({item.word})
              </li>
            ),
          )}
          {changed.length > listed.length && (
            <li>
              and {(changed.length - listed.length).toLocaleString('en')} more{outcome.changes?.marked ? '; each added or updated one is marked changed in the library until you open it.' : '.'}
            </li>
          )}
        </ul>
      )}
    </DismissibleBanner>
  );
}

/**
 * A banner with a close button; Esc in it closes it too, and focus goes back where it came from.
 * So does an Esc no other part of the screen took (a run's panel, a form, a dialog), as the README
 * promises: a responder presses Esc without first moving focus into the banner.
 */
function DismissibleBanner({ className, role, closeLabel, children }: { className: string; role: 'status' | 'alert'; closeLabel: string; children: ReactNode }) {
  const cameFrom = useRef<HTMLElement | null>(null);
  const close = () => {
    useSyncStore.getState().dismiss();
    if (cameFrom.current?.isConnected) cameFrom.current.focus();
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof HTMLElement && !event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
  };
  // In a field too (the repository URL, just saved): Esc types nothing there, and it was ignored.
  useScreenKey('Escape', close, { leftOver: true, whileTyping: true });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  return (
    // The message alone is the live region: its words are read out, not the button's.
    <div className={`${className} dismissible`} onFocus={onFocus} onKeyDown={onKeyDown}>
      <div className="banner-text" role={role}>
        {children}
      </div>
      <button type="button" className="banner-close" onClick={close} aria-label={closeLabel} title={`${closeLabel} (Esc)`} aria-keyshortcuts="Escape">
        ×
      </button>
    </div>
  );
}
