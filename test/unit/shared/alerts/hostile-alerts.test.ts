import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlertsRead } from '../../../../shared/alerts/alert';
import { ALERT_LIMITS } from '../../../../shared/alerts/alert-limits';
import { readAlerts } from '../../../../shared/alerts/read-alerts';

// Alerts are outside input: whatever is pasted, reading it ends, never throws, and keeps within
// the limits. A backtracking pattern, a recursion per nesting level or a quadratic merge shows up
// here as a test that never ends (vitest's timeout) or a RangeError.

const MB = ALERT_LIMITS.maxTextChars;

/** Never throws; when it reads alerts, they are within the caps. */
function readSafely(text: string): AlertsRead | undefined {
  const found = readAlerts(text);
  if (found) {
    expect(found.alerts.length).toBeLessThanOrEqual(ALERT_LIMITS.maxAlerts);
    for (const alert of found.alerts) {
      expect(Object.keys(alert.labels).length).toBeLessThanOrEqual(ALERT_LIMITS.maxLabels);
      expect(alert.name).toBe(alert.labels.alertname.trim());
    }
  }
  return found;
}

const ATOMS = ['[FIRING:1] ', '[FIRING', '[RESOLVED] ', 'Labels:\n', 'Annotations:\n', ' - alertname = ', 'alertname=', '=', ':', '"', "'", '(', ')', '{', '[', ']', '}', '\\', '\n', '\r\n', ' ', ',', '`', '$(rm -rf /)', '\0', 'x', 'Kube', '#1234', 'Source:'];

/** Troublesome pieces repeated up to a megabyte (and past it), on lines or as one line. */
const hostileText = fc
  .tuple(fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: MB + 1000 }))
  .map(([atoms, length]) => {
    const unit = atoms.join('');
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });

const webhook = (alerts: unknown[]) => JSON.stringify({ version: '4', status: 'firing', receiver: 'team', alerts, groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am' });

describe('hostile alerts', () => {
  it('reads any repetition of troublesome pieces up to and past a megabyte', () => {
    fc.assert(fc.property(hostileText, (text) => void readSafely(text)), { numRuns: 30, seed: 18 });
  });

  it.each<[string, string]>([
    ['100,000 open brackets', '['.repeat(100_000)],
    ['JSON nested 100,000 levels', `${'{"a":'.repeat(100_000)}"alertname"${'}'.repeat(100_000)}`],
    ['a megabyte of subject lines', '[FIRING:1] KubePodCrashLooping (pod=a)\n'.repeat(MB / 40)],
    ['a megabyte of label blocks', 'Labels:\n - alertname = X\n'.repeat(MB / 25)],
    ['a megabyte of tag lines', 'alertname=HAProxyDown pod=x\n'.repeat(MB / 28)],
    ['one line of a megabyte', `[FIRING:1] A ${'(k=v '.repeat(MB / 6)}`],
    ['a megabyte of quotes', `[FIRING:1] A (${'"'.repeat(MB)}`],
  ])('copes with %s', (_, text) => {
    readSafely(text);
  });

  it('says why deep JSON that names an alert was not read', () => {
    const deep = `{"alerts":${'['.repeat(100_000)}{"labels":{"alertname":"X"}}${']'.repeat(100_000)}}`;
    expect(readSafely(deep)).toEqual({ alerts: [], problems: [`the JSON is nested deeper than ${ALERT_LIMITS.maxJsonDepth} levels; it was not read`] });
  });

  it('says at most 20 different problems and counts the others', () => {
    const text = Array.from({ length: 5000 }, (_, index) => `[FIRING:2] Alert${index}Down (k=v)`).join('\n');
    const found = readSafely(text);
    expect(found?.problems).toHaveLength(22);
    expect(found?.problems.at(-2)).toBe('and 4980 more problems');
    expect(found?.problems.at(-1)).toBe('only the first 1000 alerts were read; 4000 more were left out');
  });

  it('keeps the first 1,000 of 10,000 alerts and says how many were left out', () => {
    const alerts = Array.from({ length: 10_000 }, (_, index) => ({ status: 'firing', labels: { alertname: 'KubePodCrashLooping', pod: `api-${index}` }, annotations: {} }));
    const found = readSafely(webhook(alerts));
    expect(found?.alerts).toHaveLength(1000);
    expect(found?.alerts.at(-1)?.labels.pod).toBe('api-999');
    expect(found?.problems).toEqual(['only the first 1000 alerts were read; 9000 more were left out']);
  });

  it('reads the first megabyte of a longer paste and says so', () => {
    const line = '[FIRING:1] KubePodCrashLooping (namespace=payments)\n';
    const found = readSafely(line + ' '.repeat(MB) + line.replace('payments', 'billing'));
    expect(found?.alerts.map((alert) => alert.labels.namespace)).toEqual(['payments']);
    expect(found?.problems[0]).toMatch(/^only the first 1 MB of 1\.0 MB were read$/);
  });

  it('caps labels per alert and leaves out over-long names and values, each said once', () => {
    const labels = Object.fromEntries([['alertname', 'X'], ['long', 'v'.repeat(5000)], ['n'.repeat(200), 'v'], ...Array.from({ length: 300 }, (_, index) => [`l${index}`, 'v'])]);
    const found = readSafely(webhook([{ status: 'firing', labels }]));
    expect(Object.keys(found?.alerts[0].labels ?? {})).toHaveLength(ALERT_LIMITS.maxLabels);
    expect(found?.alerts[0].labels.long).toBeUndefined();
    expect(found?.problems).toEqual([
      'the label "long" was left out: its value is longer than 4096 characters',
      'a label with a name longer than 128 characters was left out',
      'an alert has more than 100 labels; the first 100 were kept',
    ]);
  });

  it('keeps any label value exactly as written: $(…), backticks, quotes, newlines, NUL, a __proto__ label', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('$(rm -rf /)', '`id`', `a'b"c`, 'line\nrm -rf /', 'nul\0', '; shutdown -h now', '${IFS}', '\u202etxt.exe'),
    );
    fc.assert(
      fc.property(value, (written) => {
        const labels = JSON.parse(`{"alertname":"X","pod":${JSON.stringify(written)},"__proto__":${JSON.stringify(written)}}`) as Record<string, string>;
        const found = readSafely(webhook([{ status: 'firing', labels }]));
        expect(found?.alerts[0].labels.pod).toBe(written);
        expect(Object.hasOwn(found?.alerts[0].labels ?? {}, '__proto__')).toBe(true);
        expect(Object.getPrototypeOf(found?.alerts[0].labels)).toBe(Object.prototype);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('never throws on any text or any JSON value', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => void readSafely(text)), { numRuns: 300, seed: 5 });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => void readSafely(JSON.stringify(value))), { numRuns: 300, seed: 6 });
  });
});
