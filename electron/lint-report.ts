import { HEALTH_CHECKS, libraryHealth } from '../shared/library/library-health';
import type { LibrarySnapshot } from '../shared/model';

/**
 * The lint output: every problem reading the library, then the library health findings (review
 * due, no owner, related links and note attachments that point nowhere, undeclared parameters).
 * Errors fail; with `strict`, so does any health finding.
 */
export function formatLintReport(snapshot: LibrarySnapshot, today: string, strict = false): { text: string; errors: number; findings: number } {
  const lines = snapshot.problems.map((problem) => `${problem.level}: ${problem.path}: ${problem.reason}`);
  const errors = snapshot.problems.filter((problem) => problem.level === 'error').length;
  const warnings = snapshot.problems.filter((problem) => problem.level === 'warning').length;
  const skipped = snapshot.problems.filter((problem) => problem.level === 'skipped').length;
  const repaired = snapshot.problems.filter((problem) => problem.level === 'note').length;
  const findings = libraryHealth(snapshot, today).filter((finding) => finding.check !== 'problem');
  for (const finding of findings) lines.push(`health: ${HEALTH_CHECKS[finding.check]}: ${finding.path ?? ''}: ${finding.text}`);
  lines.push(
    `${snapshot.runbooks.length} runbooks, ${snapshot.notes.length} notes, ${snapshot.templates.length} templates, ` +
      `${snapshot.contacts.length} contacts, ${snapshot.severity.length} severity levels; ${errors} errors, ${warnings} warnings, ${skipped} skipped${repaired ? `, ${repaired} repaired` : ''}; ` +
      `${findings.length} health findings${strict ? ' (strict: they fail)' : ''}`,
  );
  return { text: lines.join('\n'), errors: errors + (strict ? findings.length : 0), findings: findings.length };
}
