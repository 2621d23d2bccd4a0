import type { RunState, StepState } from '../../../shared/incident/incident-state';
import { troubleshootingFor } from '../../../shared/library/markdown/runbook-sections';
import { hashOf } from '../../app/services/routes';
import type { CommandFilling } from '../../ui/markdown/FilledCommand';
import { RUN_KEYS } from '../../ui/keys';
import { MarkdownView } from '../../ui/markdown/MarkdownView';

interface Props {
  run: RunState;
  /** The step on screen, its state, and the commands of its text. */
  step: StepState;
  stepTitle: string;
  commands: string[];
  /** Fills and records commands copied from the panel (they belong to no step). */
  filling: CommandFilling;
}

/**
 * Beside the step (B, and after F): what to do when it went wrong. For a failed step, the
 * runbook's Troubleshooting entry for that failure comes first (read from the run's copy of the
 * runbook, so a sync since does not change it), then Rollback and the related runbooks.
 */
export function RecoveryPanel({ run, step, stepTitle, commands, filling }: Props) {
  const failed = step.outcome === 'failed';
  const help = failed ? troubleshootingFor(run.runbook.body, [stepTitle, ...commands, step.reason ?? '']) : undefined;
  return (
    <aside className="run-rollback" aria-label={help ? 'Troubleshooting, rollback and related runbooks' : 'Rollback and related runbooks'}>
      {failed && <p className="step-reason step-failed">This step failed. {help ? 'What the runbook says about it, then how to roll back.' : 'Roll back, open a related runbook, or go on with Enter.'}</p>}
      {help && (
        <section className="run-troubleshooting" aria-labelledby="run-troubleshooting-title">
          <h2 id="run-troubleshooting-title">{help.heading}</h2>
          {help.matched && <p className="muted">The entry that matches this step:</p>}
          <MarkdownView markdown={help.markdown} fromPath={run.runbook.path} filling={filling} />
          {help.matched && help.entries > 1 && (
            <details>
              <summary>All of {help.heading}</summary>
              <MarkdownView markdown={help.section} fromPath={run.runbook.path} filling={filling} />
            </details>
          )}
        </section>
      )}
      <h2>Rollback</h2>
      {run.runbook.rollback ? <MarkdownView markdown={run.runbook.rollback} fromPath={run.runbook.path} filling={filling} /> : <p className="muted">This runbook has no Rollback section.</p>}
      <h2>Related runbooks</h2>
      {run.runbook.related.length ? (
        <ul>
          {run.runbook.related.map((related) => (
            <li key={related.id}>
              <a href={hashOf({ name: 'runbook', id: related.id })}>{related.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None listed.</p>
      )}
      <p className="keys-help">
        <kbd>{RUN_KEYS.rollback}</kbd> or <kbd>Esc</kbd> close
      </p>
    </aside>
  );
}
