// Which of the library's alerting rules have a runbook, for lint and Library health: the gap a team
// should close before the night an alert fires with nothing to open.
import type { AlertRule } from './alert-rules';
import { alertRunbookLink } from './alert';
import { runbookForAlert, type AlertRunbookIndex } from './alert-runbook';
import type { LinkResolver } from './links/link-target';

export interface AlertCoverage {
  /** Rules (one per alert name and link) a runbook answers. */
  covered: number;
  /** No `alerts:` names it, it carries no link, and no runbook is named like it. */
  uncovered: { rule: AlertRule; lookedFor: string }[];
  /** Its `runbook_url` or `runbook` names a file of the library that is not there. */
  dangling: { rule: AlertRule; link: string; lookedFor: string }[];
  /** Its link leads outside the library (a wiki, a site with no base set): not checked. */
  unchecked: { rule: AlertRule; link: string }[];
}

export function alertCoverage(rules: readonly AlertRule[], index: AlertRunbookIndex, resolve: LinkResolver): AlertCoverage {
  const coverage: AlertCoverage = { covered: 0, uncovered: [], dangling: [], unchecked: [] };
  // One alert is often written twice (a warning and a critical rule): it is one gap, not two.
  const seen = new Set<string>();
  for (const rule of rules) {
    const alert = { name: rule.alert, labels: rule.labels, annotations: rule.annotations };
    const link = alertRunbookLink({ ...alert, state: 'unknown', source: 'name' });
    const key = `${rule.alert}\n${link ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const target = link ? resolve(link) : undefined;
    // A link to no file is listed even when a runbook is found by name: the link is what the page shows.
    if (link && target?.kind === 'missing') coverage.dangling.push({ rule, link, lookedFor: target.lookedFor });
    const match = runbookForAlert(alert, index, () => target ?? { kind: 'not-library' });
    if ('id' in match) coverage.covered++;
    else if (link && target?.kind === 'not-library') coverage.unchecked.push({ rule, link });
    else if (target?.kind !== 'missing') coverage.uncovered.push({ rule, lookedFor: match.lookedFor });
  }
  return coverage;
}
