import type { LibrarySnapshot } from '../shared/model';

export function formatLintReport(snapshot: LibrarySnapshot): { text: string; errors: number } {
  const lines = snapshot.problems.map((problem) => `${problem.level}: ${problem.path}: ${problem.reason}`);
  const errors = snapshot.problems.filter((problem) => problem.level === 'error').length;
  const warnings = snapshot.problems.filter((problem) => problem.level === 'warning').length;
  const skipped = snapshot.problems.filter((problem) => problem.level === 'skipped').length;
  lines.push(
    `${snapshot.runbooks.length} runbooks, ${snapshot.notes.length} notes, ${snapshot.templates.length} templates, ` +
      `${snapshot.contacts.length} contacts, ${snapshot.severity.length} severity levels; ${errors} errors, ${warnings} warnings, ${skipped} skipped`,
  );
  return { text: lines.join('\n'), errors };
}
