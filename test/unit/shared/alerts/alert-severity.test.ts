import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/alerts/alert';
import { levelForAlert } from '../../../../shared/alerts/alert-severity';
import { parseLibrary } from '../../../../shared/library/library-parser';
import { parseSeverity } from '../../../../shared/library/roster-parser';
import { snapshotProblem } from '../../../../shared/library/snapshot-validation';
import type { SeverityLevel } from '../../../../shared/model';

// An incident declared from an alert starts at the level severity.yml maps the alert's severity to.

const alert = (severity?: string): Alert => ({ name: 'KubePodCrashLooping', state: 'firing', labels: { alertname: 'KubePodCrashLooping', ...(severity === undefined ? {} : { severity }) }, annotations: {}, source: 'alertmanager' });

const SEVERITY_YML = `alert_severity:
  critical: P1
  Page: P1
  warning: P3
  info: P9
  s2: { level: P1 }
levels:
  - { id: P1, name: High, response_time: 1 hour }
  - { id: P3, name: Low, response_time: Next business day }
`;

function levels(text: string): { items: SeverityLevel[]; problems: string[] } {
  const read = parseSeverity(text);
  if (!read.ok) throw new Error(read.reason);
  return read;
}

describe('alert_severity in severity.yml', () => {
  it('records each alert severity on the level it maps to, in lower case, and says which name no level', () => {
    const { items, problems } = levels(SEVERITY_YML);
    expect(items.map((level) => [level.id, level.alertSeverities])).toEqual([
      ['P1', ['critical', 'page']],
      ['P3', ['warning']],
    ]);
    expect(problems).toEqual(['alert_severity: "info" maps to "P9", which is not a level id; left out', 'alert_severity: "s2" maps to no level id; left out']);
  });

  it('says when it is not a mapping, and reads the levels all the same', () => {
    const { items, problems } = levels('alert_severity: [critical, P1]\nlevels:\n  - { id: P1, response_time: 1 hour }\n');
    expect(items.map((level) => level.id)).toEqual(['P1']);
    expect(problems).toEqual(['alert_severity: expected a mapping from alert severities to level ids (critical: P1); left out']);
  });

  it('is in the bundled severity.yml, every entry naming a level, and reaches the snapshot', () => {
    const text = readFileSync(new URL('../../../../runbooks/severity.yml', import.meta.url), 'utf8');
    const snapshot = parseLibrary([{ path: 'severity.yml', text }], { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' });
    expect(snapshot.problems).toEqual([]);
    expect(levelForAlert(alert('critical'), snapshot.severity)?.id).toBe('P1');
    expect(levelForAlert(alert('warning'), snapshot.severity)?.id).toBe('P2');
    expect(snapshotProblem(snapshot)).toBeUndefined();
  });

  it('refuses a snapshot whose level holds anything but a list of words there', () => {
    const snapshot = parseLibrary([{ path: 'severity.yml', text: SEVERITY_YML }], { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' });
    expect(snapshotProblem(snapshot)).toBeUndefined();
    const broken = { ...snapshot, severity: [{ ...snapshot.severity[0], alertSeverities: 'critical' }] };
    expect(snapshotProblem(broken)).toBe('a severity level is malformed');
  });
});

describe('the level an alert starts at', () => {
  const mapped = levels(SEVERITY_YML).items;

  it('is the level its severity label maps to, in any case', () => {
    expect(levelForAlert(alert('critical'), mapped)?.id).toBe('P1');
    expect(levelForAlert(alert(' PAGE '), mapped)?.id).toBe('P1');
    expect(levelForAlert(alert('warning'), mapped)?.id).toBe('P3');
  });

  it("is the level its severity names by id when the mapping has no entry for it", () => {
    expect(levelForAlert(alert('p3'), mapped)?.id).toBe('P3');
  });

  it('is none for an unmapped severity, an alert without one, or a library without levels', () => {
    expect(levelForAlert(alert('info'), mapped)).toBeUndefined();
    expect(levelForAlert(alert(), mapped)).toBeUndefined();
    expect(levelForAlert(alert('critical'), [])).toBeUndefined();
  });
});
