// How far the library can be trusted: one function for the app's Library health screen and for
// `npm run lint:library`, so a team can fail its own CI on the same findings.
import type { AdminNote, LibraryProblem, Runbook } from '../model';
import { placeholderNames } from './placeholders';
import { readParams } from './run-params';
import { reviewState } from './review';
import { titlePlaces, titleWithPlace } from './document/title-places';
import type { AlertRule } from '../alerts/alert-rules';
import { alertCoverage } from '../alerts/alert-coverage';
import { alertIndexEntry, alertRunbookIndex } from '../alerts/alert-runbook';
import type { LinkResolver } from '../alerts/links/link-target';
import { libraryPathResolver } from '../alerts/links/library-path-links';

export type HealthCheck =
  | 'review-due' | 'no-owner' | 'never-run' | 'dangling-related' | 'orphan-note' | 'undeclared-param' | 'problem'
  | 'alert-no-runbook' | 'alert-link-missing' | 'alert-link-unchecked';

export interface HealthFinding {
  check: HealthCheck;
  /** The file it is about, when it is about one. */
  path?: string;
  /** The runbook or note it is about, to link to. */
  id?: string;
  /** For review-due: who owns the runbook ("no owner" when none). */
  owner?: string;
  text: string;
}

export const HEALTH_CHECKS: Record<HealthCheck, string> = {
  'review-due': 'Due for review',
  'no-owner': 'Without an owner',
  'never-run': 'Never run on this machine',
  'dangling-related': 'Related links that point nowhere',
  'orphan-note': 'Notes attached to runbooks that do not exist',
  'undeclared-param': 'Parameters used in commands but not declared',
  problem: 'Problems reading the library',
  'alert-no-runbook': 'Alerts without a runbook',
  'alert-link-missing': 'Alert runbook links that point at no file',
  'alert-link-unchecked': 'Alert runbook links outside the library (not checked)',
};

/** Findings that say what could not be checked, not what is wrong: `--strict` does not fail on them. */
export const INFORMATIONAL_CHECKS: readonly HealthCheck[] = ['alert-link-unchecked'];

export interface HealthInput {
  runbooks: readonly Runbook[];
  notes: readonly AdminNote[];
  problems: readonly LibraryProblem[];
  /** The library's alerting rules (absent: it has none, or was stored before rules were read). */
  alertRules?: readonly AlertRule[];
}

/**
 * The library-side findings, on `today` (YYYY-MM-DD). `never-run` is the app's to add, from its own
 * runs. `resolve` maps an alert's runbook link to a file; without one, links by the library's own
 * paths (`docs/gitaly/README.md`, `failsafe://runbook/…`) are checked and others are not.
 */
export function libraryHealth(library: HealthInput, today: string, resolve?: LinkResolver): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const ids = new Map(library.runbooks.map((runbook) => [runbook.id, runbook]));
  const places = titlePlaces(library.runbooks);
  for (const found of library.runbooks) {
    // Two runbooks of one title are told apart by their place: "Operations Runbook (payments/operations)".
    const runbook = { ...found, title: titleWithPlace(found.title, places.get(found.id)) };
    const review = reviewState(runbook.lastReviewed, runbook.reviewEvery, today);
    if (review.state !== 'current') findings.push({ check: 'review-due', path: runbook.path, id: runbook.id, owner: runbook.owner ?? 'no owner', text: `${runbook.title}: ${review.text}` });
    if (!runbook.owner) findings.push({ check: 'no-owner', path: runbook.path, id: runbook.id, text: `${runbook.title} has no owner` });
    for (const related of runbook.related) {
      if (!ids.has(related)) findings.push({ check: 'dangling-related', path: runbook.path, id: runbook.id, text: `${runbook.title}: related runbook “${related}” does not exist` });
    }
    const declared = new Set(readParams(runbook.extra.params).params.map((param) => param.name));
    const undeclared = new Set(runbook.commands.flatMap(placeholderNames).filter((name) => !declared.has(name)));
    for (const name of undeclared) findings.push({ check: 'undeclared-param', path: runbook.path, id: runbook.id, text: `${runbook.title}: {{${name}}} is used in a command but not declared in params` });
  }
  for (const note of library.notes) {
    for (const id of note.runbooks) if (!ids.has(id)) findings.push({ check: 'orphan-note', path: note.path, id: note.id, text: `${note.title}: attached to “${id}”, which does not exist` });
    const first = note.runbooks[0] ? ids.get(note.runbooks[0]) : undefined;
    if (first && note.step !== undefined && note.step > first.steps.length) findings.push({ check: 'orphan-note', path: note.path, id: note.id, text: `${note.title}: step ${note.step} of “${first.id}” does not exist (it has ${first.steps.length})` });
  }
  for (const problem of library.problems) findings.push({ check: 'problem', path: problem.path, text: `${problem.level}: ${problem.reason}` });
  if (library.alertRules?.length) findings.push(...alertFindings(library.runbooks, library.alertRules, resolve ?? libraryPathResolver(library.runbooks)));
  return findings;
}

function alertFindings(runbooks: readonly Runbook[], rules: readonly AlertRule[], resolve: LinkResolver): HealthFinding[] {
  const coverage = alertCoverage(rules, alertRunbookIndex(runbooks.map(alertIndexEntry)), resolve);
  return [
    ...coverage.uncovered.map(({ rule, lookedFor }): HealthFinding => ({ check: 'alert-no-runbook', path: rule.path, text: `${rule.alert} has no runbook; looked for: alerts: naming it, ${lookedFor}` })),
    ...coverage.dangling.map(({ rule, link, lookedFor }): HealthFinding => ({ check: 'alert-link-missing', path: rule.path, text: `${rule.alert}: ${link} points at no file (looked for ${lookedFor})` })),
    ...coverage.unchecked.map(({ rule, link }): HealthFinding => ({ check: 'alert-link-unchecked', path: rule.path, text: `${rule.alert}: ${link} is outside the library` })),
  ];
}
