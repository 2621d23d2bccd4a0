import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { RunState, StepState } from '../../../shared/incident/incident-state';
import type { RecoveryPart } from '../../../shared/library/document/recovery-parts';
import { troubleshootingFor } from '../../../shared/library/markdown/runbook-sections';
import { hashOf } from '../../app/services/routes';
import type { CommandFilling } from '../../ui/markdown/FilledCommand';
import { RUN_KEYS } from '../../ui/keys';
import { MarkdownView } from '../../ui/markdown/MarkdownView';
import { TitlePlace, useLibraryStore } from '../library';
import type { SearchHit } from '../../../shared/search/search-engine';
import { useRunbooksForFailure } from './use-runbooks-for-failure';

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
 * runbook, so a sync since does not change it), then the library's runbooks for the failure as
 * written, Rollback and the related runbooks.
 */
export function RecoveryPanel({ run, step, stepTitle, commands, filling }: Props) {
  const failed = step.outcome === 'failed';
  const summaries = useLibraryStore((state) => state.summaries);
  const held = useMemo(() => new Set(summaries.map((summary) => summary.id)), [summaries]);
  const help = failed ? troubleshootingFor(run.runbook.body, [stepTitle, ...commands, step.reason ?? '']) : undefined;
  const forFailure = useRunbooksForFailure(failed ? step.reason : undefined, run.runbook.id);
  const panel = useRef<HTMLElement>(null);
  // In the narrow layout the panel sits under the step, in the lower half of the page or below it:
  // brought into view, whole when it fits, else from its top (it opened with only its first line
  // showing). Beside the step (wide), nothing moves. The focus goes to it, so Tab reaches its
  // commands and runbooks next (from the top of the page, a walkthrough needed 32 Tabs); the run's
  // keys still act from there.
  useEffect(() => {
    const box = panel.current?.getBoundingClientRect();
    const page = panel.current?.closest('main')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    if (box && box.bottom > page.bottom && box.top > (page.top + page.bottom) / 2) panel.current?.scrollIntoView({ block: 'nearest' });
    panel.current?.focus({ preventScroll: true });
  }, []);
  return (
    <aside ref={panel} tabIndex={-1} className="run-rollback" aria-label={help ? 'Troubleshooting, rollback and related runbooks' : 'Rollback and related runbooks'}>
      {/* Unmatched, the section is the runbook's whole troubleshooting: "what the runbook says about it"
          presented a restore from backup as the answer to "no route to host" (a walk). */}
      {failed && (
        <p className="step-reason step-failed">
          This step failed.{' '}
          {!help ? 'Roll back, open a related runbook, or go on with Enter.' : help.matched ? 'What the runbook’s troubleshooting says for this step, then how to roll back.' : 'No troubleshooting entry of the runbook names this step or its failure: here are all of them, then how to roll back.'}
        </p>
      )}
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
      {run.runbook.recovery ? (
        <DocumentRecovery run={run} parts={run.runbook.recovery} filling={filling} beforeRollback={<ForFailure reason={step.reason} hits={forFailure} />} />
      ) : (
        <>
          <ForFailure reason={step.reason} hits={forFailure} />
          <h2>Rollback</h2>
          {run.runbook.rollback ? <MarkdownView markdown={run.runbook.rollback} fromPath={run.runbook.path} filling={filling} /> : <p className="muted">This runbook has no Rollback section.</p>}
        </>
      )}
      <h2>Related runbooks</h2>
      {run.runbook.related.length ? (
        <ul>
          {run.runbook.related.map((related) => (
            <li key={related.id}>
              <a href={hashOf({ name: 'runbook', id: related.id })}>{related.title}</a>
              {/* The run's copy lists what its runbook named when it started; a sync since may have taken it away. */}
              {held.size > 0 && !held.has(related.id) && <span className="muted"> (not in the library since a sync)</span>}
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

/**
 * The library's runbooks for the failure as written, after what the run's own runbook says about it
 * and before its rollback. Two documents share a title ("Operations Runbook"): each is named with
 * its place, as everywhere.
 */
function ForFailure({ reason, hits }: { reason?: string; hits?: SearchHit[] }) {
  if (!hits) return null;
  return (
    <section className="run-for-failure" aria-labelledby="run-for-failure-title">
      <h2 id="run-for-failure-title">In the library, for “{reason}”</h2>
      {/* Said, not left out: a walk looked for this section and could not tell whether it had been searched. */}
      {!hits.length && <p className="muted">No other runbook matches it closely.</p>}
      {hits.length > 0 && (
        <ul>
          {hits.map((hit) => (
            <li key={hit.summary.id}>
              {/* At its top, not at the section search picked: a walk's "connection refused" matched the failover runbook's step 5, after the failover. */}
              <a href={hashOf({ name: 'runbook', id: hit.summary.id })}>
                {hit.summary.title}
                <TitlePlace id={hit.summary.id} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A run of one procedure of a long document: what its own section says after the steps (its
 * Resolution), then `beforeRollback`, then the document's rollbacks, each under its heading with a
 * link to its place.
 */
function DocumentRecovery({ run, parts, filling, beforeRollback }: { run: RunState; parts: RecoveryPart[]; filling: CommandFilling; beforeRollback: ReactNode }) {
  const own = parts.filter((part) => part.kind === 'procedure');
  const rollbacks = parts.filter((part) => part.kind === 'rollback');
  const place = (part: RecoveryPart) => hashOf({ name: 'runbook', id: run.runbook.id, section: part.section || undefined });
  return (
    <>
      <AfterTheSteps run={run} filling={filling} Heading="h2" />
      {beforeRollback}
      <h2>Rollback in this document</h2>
      {rollbacks.length ? (
        rollbacks.map((part) => (
          <section key={`rollback-${part.section}-${part.heading}`} className="run-recovery-part" aria-label={part.heading}>
            <h3>
              <a href={place(part)}>{part.heading}</a>
            </h3>
            <MarkdownView markdown={part.markdown} fromPath={run.runbook.path} filling={filling} />
          </section>
        ))
      ) : (
        <p className="muted">{own.length ? 'The document has no other rollback.' : 'Neither this procedure nor its document says how to roll back.'}</p>
      )}
    </>
  );
}

/**
 * What the procedure's own section holds after its steps, as the document writes it: an
 * "Operations Runbook" puts the fix there (`**Resolution**:` after the investigation commands).
 * In the panel, and under the last step, where a responder who finished the steps looks next.
 */
export function AfterTheSteps({ run, filling, Heading }: { run: RunState; filling: CommandFilling; Heading: 'h2' | 'h3' }) {
  return (run.runbook.recovery ?? [])
    .filter((part) => part.kind === 'procedure')
    .map((part) => (
      <section key={`own-${part.section}`} className="run-recovery-part" aria-label={`After the steps of ${part.heading}`}>
        <Heading>After the steps of this procedure</Heading>
        <MarkdownView markdown={part.markdown} fromPath={run.runbook.path} filling={filling} />
      </section>
    ));
}
