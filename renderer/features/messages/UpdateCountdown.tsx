import { useState } from 'react';
import { incidentUpdateDue } from '../../../shared/comms/incident-prefill';
import type { IncidentState } from '../../../shared/incident/incident-state';
import { formatDuration } from '../../../shared/incident/time-format';
import { hashOf } from '../../app/services/routes';
import { useIncidentStore } from '../incident';
import { useLibraryStore } from '../library';

/**
 * "Next update in mm:ss": when the last message sent said it would come, else the severity's
 * cadence from it; loud once overdue. Snoozing it takes a reason, recorded in the incident.
 */
export function UpdateCountdown({ incident, now }: { incident: IncidentState; now: number }) {
  const level = useLibraryStore((state) => state.severity.find((candidate) => candidate.id === incident.severity));
  const [snoozing, setSnoozing] = useState(false);
  const [minutes, setMinutes] = useState(15);
  const [reason, setReason] = useState('');
  if (incident.status === 'resolved') return null;
  const due = incidentUpdateDue(incident, level?.updateEvery, now);
  if (!due) return null;
  const snooze = async () => {
    if (!reason.trim()) return;
    if (await useIncidentStore.getState().record(incident.id, [{ type: 'update-snoozed', minutes, reason: reason.trim() }])) {
      setSnoozing(false);
      setReason('');
    }
  };
  return (
    <span className={due.overdue ? 'update-due overdue' : 'update-due'} data-testid="update-countdown" title={due.promised ? 'When the last message sent said the next update would come' : `${level?.id} updates every ${level?.updateEvery}`}>
      <a href={hashOf({ name: 'messages' })}>{due.overdue ? `Update overdue by ${formatDuration(-due.remainingMs)}` : `Next update in ${formatDuration(due.remainingMs)}`}</a>{' '}
      {!snoozing ? (
        <button type="button" onClick={() => setSnoozing(true)}>
          Snooze
        </button>
      ) : (
        <form
          className="inline-form snooze-form"
          onSubmit={(event) => {
            event.preventDefault();
            void snooze();
          }}
        >
          <select aria-label="Snooze for" value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
            {[5, 10, 15, 30, 60].map((option) => (
              <option key={option} value={option}>
                {option} min
              </option>
            ))}
          </select>
          <input aria-label="Why put off the update" placeholder="why (required)" autoFocus value={reason} onChange={(event) => setReason(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setSnoozing(false)} />
          <button type="submit" disabled={!reason.trim()}>
            Snooze
          </button>
        </form>
      )}
    </span>
  );
}
