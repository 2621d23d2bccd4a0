import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/alerts/alert';
import { MAX_PARAM_VALUE_CHARS, paramValuesFromAlert, type AlertParamValue } from '../../../../shared/alerts/param-values';
import { shellQuote } from '../../../../shared/alerts/shell-quote';
import { readParams, type RunParam } from '../../../../shared/library/run-params';

// Label values fill a runbook's parameters, and reach a command a responder copies into a shell.
// A value a shell would read as more than text goes in quoted; one no quoting makes safe, refused.

const alert = (labels: Record<string, string>): Alert => ({ name: 'KubePodCrashLooping', state: 'firing', labels: { alertname: 'KubePodCrashLooping', ...labels }, annotations: {}, source: 'alertmanager' });
const param = (name: string, more: Partial<RunParam> = {}): RunParam => ({ name, label: name, required: true, secret: false, ...more });

/** What goes into the command: the value itself, or its quoted form; nothing for a refused one. */
const pasted = (filled: AlertParamValue) => (filled.safety === 'plain' ? filled.value : filled.safety === 'quoted' ? filled.quoted : undefined);

/**
 * A POSIX shell's reading of one word, as far as pasting goes: outside single quotes, a backslash
 * escapes the next character and any metacharacter, space or expansion is refused (it would be
 * read by the shell, not passed on); inside, everything is literal up to the next `'`.
 */
function shellWord(text: string): string {
  let word = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === "'") {
      const close = text.indexOf("'", index + 1);
      if (close < 0) throw new Error(`unclosed quote in ${text}`);
      word += text.slice(index + 1, close);
      index = close + 1;
    } else if (char === '\\') {
      word += text[index + 1];
      index += 2;
    } else if (/[A-Za-z0-9._:/@%+=,-]/.test(char)) {
      word += char;
      index += 1;
    } else throw new Error(`unquoted ${JSON.stringify(char)} in ${text}`);
  }
  return word;
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));
/** Any text, and above all names with a character or two of punctuation among letters. */
const anyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'abz09-.') }, { weight: 2, arbitrary: fc.constantFrom(...PRINTABLE_ASCII) }), maxLength: 30 }),
);

describe('which label fills which parameter', () => {
  it('never fills the exporter that reported the alert: kube-state-metrics in `service` is not the deployment that crashes', () => {
    const labels = { namespace: 'checkout', pod: 'checkout-api-7d9f8b6c5-x2x4z', container: 'checkout-api', job: 'kube-state-metrics', service: 'kube-prometheus-stack-kube-state-metrics', instance: '10.2.0.7:8080' };
    const filled = paramValuesFromAlert([param('service'), param('job'), param('instance'), param('container')], alert(labels));
    expect(filled.map((value) => [value.name, value.safety])).toEqual([
      ['service', 'refused'],
      ['job', 'refused'],
      ['instance', 'plain'],
      ['container', 'plain'],
    ]);
    expect(filled[0]).toMatchObject({ reason: 'The label service is not filled in: kube-prometheus-stack-kube-state-metrics is the exporter that reported the alert, not what it is about.' });
    // An application's own service, scraped as itself, is what its alert is about; so is the host a node exporter runs on.
    expect(paramValuesFromAlert([param('service'), param('instance')], alert({ service: 'checkout-api', job: 'checkout-api', instance: 'db-1:9100' }))).toEqual([
      { name: 'service', label: 'service', value: 'checkout-api', safety: 'plain' },
      { name: 'instance', label: 'instance', value: 'db-1:9100', safety: 'plain' },
    ]);
    expect(paramValuesFromAlert([param('service')], alert({ service: 'node-exporter', instance: 'db-1:9100' }))[0].safety).toBe('refused');
  });

  it('fills a parameter from the label of its name, or the one its from_label names, in the parameters\u2019 order', () => {
    const labels = { namespace: 'payments', pod: 'api-7f9c', container: 'api' };
    const filled = paramValuesFromAlert([param('pod_name', { fromLabel: 'pod' }), param('namespace'), param('replicas')], alert(labels));
    expect(filled).toEqual([
      { name: 'pod_name', label: 'pod', value: 'api-7f9c', safety: 'plain' },
      { name: 'namespace', label: 'namespace', value: 'payments', safety: 'plain' },
    ]);
  });

  it('matches without regard to case, and takes - and _ alike; a label written exactly wins', () => {
    const filled = paramValuesFromAlert([param('NAMESPACE'), param('pod-name'), param('job')], alert({ namespace: 'payments', pod_name: 'api-1', Job: 'etcd', job: 'node' }));
    expect(filled.map(({ name, label, value }) => [name, label, value])).toEqual([
      ['NAMESPACE', 'namespace', 'payments'],
      ['pod-name', 'pod_name', 'api-1'],
      ['job', 'job', 'node'],
    ]);
  });

  it('falls back to the label of its own name when the from_label one is missing; an empty label fills nothing', () => {
    const filled = paramValuesFromAlert([param('namespace', { fromLabel: 'exported_namespace' }), param('pod')], alert({ namespace: 'payments', pod: '' }));
    expect(filled.map(({ name, label }) => [name, label])).toEqual([['namespace', 'namespace']]);
  });

  it('finds no label in what every object has (constructor, toString)', () => {
    expect(paramValuesFromAlert([param('constructor'), param('toString')], alert({}))).toEqual([]);
  });

  it('reads from_label from params front matter', () => {
    const { params } = readParams([{ name: 'pod_name', label: 'Pod', from_label: 'pod' }, { name: 'namespace' }]);
    expect(params.map((each) => [each.name, each.fromLabel])).toEqual([['pod_name', 'pod'], ['namespace', undefined]]);
  });
});

describe('how a label value may go into a command', () => {
  it('fills names and hosts as they are', () => {
    for (const value of ['api-7f9c6d5b8-x2kqp', 'file-23-stor-gprd.c.example-project.internal:9236', 'monitoring/k8s', 'user@host', 'a=b,c+d%20']) {
      expect(paramValuesFromAlert([param('v')], alert({ v: value }))[0]).toEqual({ name: 'v', label: 'v', value, safety: 'plain' });
    }
  });

  it.each([
    ['$(rm -rf /)', `'$(rm -rf /)'`],
    ['`id`', "'`id`'"],
    ["it's", `'it'\\''s'`],
    ['a b', "'a b'"],
    ['*', "'*'"],
    ['x; shutdown -h now', "'x; shutdown -h now'"],
    ['~root', "'~root'"],
    ['#comment', "'#comment'"],
    ['naïve', "'naïve'"],
  ])('quotes %j as %s', (value, quoted) => {
    expect(paramValuesFromAlert([param('v')], alert({ v: value }))[0]).toMatchObject({ safety: 'quoted', quoted });
  });

  it.each([
    ['api\nrm -rf /', 'line break'],
    ['api\r', 'line break'],
    ['api\0', 'NUL'],
    ['\u001b[2J', 'control character (U+001B)'],
    ['\u0085', 'control character (U+0085)'],
    ['a\u2028b', 'line separator'],
    ['txt\u202eexe.sh', 'reorders text (U+202E)'],
    ['x'.repeat(MAX_PARAM_VALUE_CHARS + 1), `longer than ${MAX_PARAM_VALUE_CHARS} characters`],
  ])('refuses %j, saying why', (value, why) => {
    const [filled] = paramValuesFromAlert([param('pod')], alert({ pod: value }));
    expect(filled.safety).toBe('refused');
    expect(filled.safety === 'refused' && filled.reason).toContain(why);
    expect(filled.safety === 'refused' && filled.reason).toMatch(/^The label pod is not filled in: /);
  });

  it('leaves no metacharacter unquoted, and the shell reads back exactly the value, for any value it fills', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const [filled] = paramValuesFromAlert([param('v')], alert({ v: value }));
        const text = value ? pasted(filled) : undefined;
        if (text !== undefined) expect(shellWord(text)).toBe(value);
        else if (!value) expect(filled).toBeUndefined();
        else expect(filled.safety).toBe('refused');
      }),
      { numRuns: 2000, seed: 18 },
    );
  });

  it('gives a real shell back exactly the value, for hostile values', () => {
    const values = fc.sample(anyValue, { numRuns: 60, seed: 7 }).filter(Boolean).concat(['$(touch /tmp/failsafe-pwned)', '`touch /tmp/failsafe-pwned`', "'; touch /tmp/failsafe-pwned; '"]);
    for (const value of values) {
      const [filled] = paramValuesFromAlert([param('v')], alert({ v: value }));
      const text = pasted(filled);
      if (text === undefined) continue;
      expect(execFileSync('/bin/sh', ['-c', `printf %s ${text}`], { encoding: 'utf8' })).toBe(value);
    }
    expect(shellQuote('')).toBe("''");
  });
});
