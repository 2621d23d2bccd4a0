import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useDialogStore } from '../../app/services/dialog-store';
import { useIncidentStore } from '../incident';
import { useLibraryStore } from '../library';
import { trapTab } from '../../ui/focus-trap';
import { usePanelFocus } from '../../ui/use-panel-focus';
import { keptSentence } from '../../../shared/sync/kept-parts';
import { severityKeys } from '../../../shared/oncall/severity-keys';

/**
 * The library's severity levels over any screen (L). With an incident current, its level is marked
 * and a number key sets another: the level's own number (1 is P1, 0 is P0), or its row when the levels
 * carry no numbers.
 */
export function SeverityPanel() {
  const levels = useLibraryStore((state) => state.severity);
  const kept = useLibraryStore((state) => state.meta?.kept?.severity);
  const incident = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const close = useDialogStore((state) => state.close);
  const keys = useMemo(() => severityKeys(levels), [levels]);
  const shown = keys.filter((key) => key !== undefined).sort();
  const panel = useRef<HTMLDivElement>(null);
  usePanelFocus(() => panel.current);
  const pick = (id: string) => {
    if (!incident || incident.severity === id) return;
    void useIncidentStore.getState().record(incident.id, [{ type: 'incident-changed', field: 'severity', value: id }]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    const level = levels[keys.indexOf(event.key)];
    if (event.key === 'Escape' || event.key.toLowerCase() === 'l') {
      event.preventDefault();
      close();
    } else if (level) {
      event.preventDefault();
      pick(level.id);
    } else if (event.key === 'Tab') {
      trapTab(event, panel.current);
    }
  };
  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div ref={panel} tabIndex={0} className="dialog severity-panel" role="dialog" aria-modal="true" aria-label="Severity levels" onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <h2>Severity levels</h2>
        {kept && (
          <p className="muted" data-testid="severity-kept">
            {keptSentence('severity', kept)}
          </p>
        )}
        {incident ? (
          <p className="muted">
            “{incident.title}” is <strong>{incident.severity}</strong>. Press a level’s number to change it.
          </p>
        ) : (
          <p className="muted">No incident is current: declare one with I to give it a level.</p>
        )}
        <table className="severity-table">
          <thead>
            <tr>
              <th>Key</th>
              <th>Level</th>
              <th>Meaning and examples</th>
              <th>Respond within</th>
              <th>Who is paged</th>
              <th>Updates</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level, index) => (
              <tr key={level.id} className={level.id === incident?.severity ? 'current-level' : undefined} aria-current={level.id === incident?.severity ? 'true' : undefined} onClick={() => pick(level.id)}>
                <td>{keys[index] !== undefined && <kbd>{keys[index]}</kbd>}</td>
                <td>
                  <strong>{level.id}</strong> {level.name}
                </td>
                <td>
                  {level.description}
                  {level.examples.length > 0 && <div className="muted">{level.examples.join(' · ')}</div>}
                  {level.escalation && <div className="muted">Escalation: {level.escalation.map((step) => `${step.notify}${step.wait ? `, then after ${step.wait}` : ''}`).join(' → ')}</div>}
                </td>
                <td>{level.responseTime}</td>
                <td>{level.pages.join(', ')}</td>
                <td>{level.updateEvery ? (/^\d/.test(level.updateEvery) ? `every ${level.updateEvery}` : level.updateEvery) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="keys-help">
          {shown.length > 0 && (
            <>
              <kbd>{shown[0]}</kbd>–<kbd>{shown[shown.length - 1]}</kbd> set the incident’s level ·{' '}
            </>
          )}
          <kbd>Esc</kbd> close
        </p>
      </div>
    </div>
  );
}
