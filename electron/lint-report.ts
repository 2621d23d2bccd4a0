import { HEALTH_CHECKS, INFORMATIONAL_CHECKS, libraryHealth } from '../shared/library/library-health';
import { libraryPathResolver, type SiteBase } from '../shared/alerts/links/library-path-links';
import type { LibrarySnapshot } from '../shared/model';

/**
 * The lint output: every problem reading the library, then the library health findings (review
 * due, no owner, related links and note attachments that point nowhere, undeclared parameters,
 * alerts without a runbook and their links to no file). Errors fail; with `strict`, so does any
 * health finding but the links it could not check. `siteBases`: published sites of library folders,
 * so their `runbook_url`s are checked too (`--site-base URL=folder`).
 */
export function formatLintReport(snapshot: LibrarySnapshot, today: string, strict = false, siteBases: readonly SiteBase[] = []): { text: string; errors: number; findings: number } {
  const lines = snapshot.problems.map((problem) => `${problem.level}: ${problem.path}: ${problem.reason}`);
  const errors = snapshot.problems.filter((problem) => problem.level === 'error').length;
  const warnings = snapshot.problems.filter((problem) => problem.level === 'warning').length;
  const skipped = snapshot.problems.filter((problem) => problem.level === 'skipped').length;
  const repaired = snapshot.problems.filter((problem) => problem.level === 'note').length;
  const all = libraryHealth(snapshot, today, libraryPathResolver(snapshot.runbooks, siteBases)).filter((finding) => finding.check !== 'problem');
  for (const finding of all) lines.push(`health: ${HEALTH_CHECKS[finding.check]}: ${finding.path ?? ''}: ${finding.text}`);
  const findings = all.filter((finding) => !INFORMATIONAL_CHECKS.includes(finding.check));
  const rules = snapshot.alertRules ?? [];
  const count = (check: string) => all.filter((finding) => finding.check === check).length;
  lines.push(
    `${snapshot.runbooks.length} runbooks, ${snapshot.notes.length} notes, ${snapshot.templates.length} templates, ` +
      `${snapshot.contacts.length} contacts, ${snapshot.severity.length} severity levels; ${errors} errors, ${warnings} warnings, ${skipped} skipped${repaired ? `, ${repaired} repaired` : ''}; ` +
      `${findings.length} health findings${strict ? ' (strict: they fail)' : ''}`,
  );
  if (rules.length) {
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    lines.push(`${plural(rules.length, 'alerting rule', 'alerting rules')}: ${plural(count('alert-no-runbook'), 'alert', 'alerts')} without a runbook, ${plural(count('alert-link-missing'), 'runbook link', 'runbook links')} to no file, ${plural(count('alert-link-unchecked'), 'link', 'links')} outside the library not checked${siteBases.length ? '' : ' (give --site-base URL=folder to check a published site)'}`);
  }
  return { text: lines.join('\n'), errors: errors + (strict ? findings.length : 0), findings: findings.length };
}

/** `https://runbooks.example.dev/runbooks/=content/runbooks`: the site's URL, then the library folder it publishes. */
export function parseSiteBase(text: string): SiteBase | undefined {
  const equals = text.lastIndexOf('=');
  if (equals <= 0) return undefined;
  const url = text.slice(0, equals).trim();
  if (!/^https?:\/\/[^/\s]+/i.test(url)) return undefined;
  return { url, folder: text.slice(equals + 1).trim() };
}
