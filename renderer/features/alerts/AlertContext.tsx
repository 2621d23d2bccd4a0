import { alertSummary } from '../../../shared/alerts/alert';
import type { RunParam } from '../../../shared/library/run-params';
import { USE_QUOTED_KEY } from '../../ui/keys';
import { useScreenKey } from '../../ui/use-screen-key';
import { alertValues } from './alert-filling';
import { useAlertStore } from './alert-store';

/**
 * Above a runbook opened from an alert: which parameters the alert's labels fill, and the values
 * that were not used as they are (shell characters: Q uses them quoted; a line break: never).
 */
export function AlertContext({ runbookId, params }: { runbookId: string; params: readonly RunParam[] }) {
  const opened = useAlertStore((state) => (state.opened?.runbookId === runbookId ? state.opened : undefined));
  const values = opened ? alertValues(params, opened) : undefined;
  const waiting = values?.offered.filter((value) => value.safety === 'quoted' && !opened?.acceptedQuoted.includes(value.name)) ?? [];
  const acceptAll = () => waiting.forEach((value) => useAlertStore.getState().acceptQuoted(value.name));
  useScreenKey(USE_QUOTED_KEY, acceptAll, { enabled: waiting.length > 0 });
  if (!opened || !values) return null;
  const { alert } = opened;
  const summary = alertSummary(alert);
  return (
    <section className="alert-context" aria-label="From the alert">
      <p>
        <strong>
          From the alert {alert.name} ({alert.state})
        </strong>
        {summary ? `: ${summary}` : ''}
      </p>
      {values.offered.length === 0 ? (
        <p className="muted">None of this runbook’s parameters is named like a label of the alert: its commands are shown as written.</p>
      ) : (
        <ul className="alert-values">
          {values.offered.map((value) => (
            <li key={value.name}>
              <code>{value.name}</code> from the label <code>{value.label}</code>:{' '}
              {value.safety === 'plain' && <code className="from-alert">{value.value}</code>}
              {value.safety === 'quoted' &&
                (opened.acceptedQuoted.includes(value.name) ? (
                  <>
                    <code className="from-alert">{value.quoted}</code> (quoted for the shell)
                  </>
                ) : (
                  <>
                    <code>{value.value}</code> <span className="warning-text">holds shell characters, not filled in.</span>
                  </>
                ))}
              {value.safety === 'refused' && (
                <span className="warning-text">
                  not used: {value.reason}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <button type="button" onClick={acceptAll}>
          Use {waiting.length === 1 ? 'it' : 'them'} quoted <kbd>{USE_QUOTED_KEY}</kbd>
        </button>
      )}
    </section>
  );
}
