// Which of the library's severity levels an alert starts an incident at: its `severity` label
// (`critical`, `warning`, GitLab's `s2`) looked up in severity.yml's `alert_severity:` mapping,
// which the parser keeps on each level (`alertSeverities`).
import type { Alert } from './alert';
import type { SeverityLevel } from '../model';

/**
 * The level the alert's severity maps to; else the level whose id the label value is itself
 * (`severity: P1`, any case); else undefined, and the declaring screen keeps its own default.
 */
export function levelForAlert(alert: Alert, levels: readonly SeverityLevel[]): SeverityLevel | undefined {
  const written = Object.hasOwn(alert.labels, 'severity') ? alert.labels.severity.trim().toLowerCase() : '';
  if (!written) return undefined;
  return levels.find((level) => level.alertSeverities?.includes(written)) ?? levels.find((level) => level.id.toLowerCase() === written);
}
