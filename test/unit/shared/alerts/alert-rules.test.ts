import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAlertRules } from '../../../../shared/alerts/alert-rules';
import { parseLibrary } from '../../../../shared/library/library-parser';
import { assertSnapshot, snapshotProblem } from '../../../../shared/library/snapshot-validation';
import { DEFAULT_LIMITS } from '../../../../shared/limits';

const source = { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' } as const;
const fixture = (path: string) => readFileSync(`test/fixtures/${path}`, 'utf8');
const rulesOf = (path: string, text: string) => {
  const read = readAlertRules(path, text);
  if (read.kind !== 'rules') throw new Error(`expected rules, got ${JSON.stringify(read)}`);
  return read;
};

describe('readAlertRules', () => {
  it('reads a Prometheus rule file: each alerting rule with its labels and annotations, recording rules left out', () => {
    const read = rulesOf('rules/gitaly.yml', fixture('gitlab-rules/rules/gitaly.yml'));
    expect(read.rules.map((rule) => rule.alert)).toEqual(['GitalyServiceDown', 'GitalyServiceDown', 'GitalyLatencyTooHigh']);
    expect(read.rules[0]).toMatchObject({ path: 'rules/gitaly.yml', labels: { severity: 's2', runbook: 'docs/gitaly/gitaly-unavailable.md' } });
    expect(read.rules[2].annotations.runbook).toBe('docs/gitaly/gitaly-latency.md');
    expect(read.problems).toEqual([]);
  });

  it('reads every document of a PrometheusRule manifest', () => {
    const read = rulesOf('manifests/kubernetes-rules.yaml', fixture('prometheus-rule/manifests/kubernetes-rules.yaml'));
    expect(read.rules.map((rule) => rule.alert)).toEqual(['KubePodCrashLooping', 'KubeNodeNotReady', 'Watchdog']);
    expect(read.rules[0].annotations.runbook_url).toBe('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping');
  });

  it('leaves YAML that holds no rules alone, and says nothing about it', () => {
    expect(readAlertRules('services/service-catalog.yml', fixture('gitlab-rules/services/service-catalog.yml'))).toEqual({ kind: 'not-rules' });
    expect(readAlertRules('k8s/deploy.yaml', 'kind: Deployment\nspec:\n  groups: [a]\n')).toEqual({ kind: 'not-rules' });
    expect(readAlertRules('x.yml', 'not: [valid')).toEqual({ kind: 'not-rules' });
  });

  it('says why a rule file cannot be read, and what in it was left out', () => {
    expect(readAlertRules('rules/bad.yml', 'groups:\n  - name: x\n    rules: [\n')).toMatchObject({ kind: 'broken', reason: expect.stringContaining('not valid YAML') });
    const partly = rulesOf('rules/partly.yml', 'groups:\n  - name: ok\n    rules:\n      - alert: A\n      - expr: up == 0\n  - just a string\n');
    expect(partly.rules.map((rule) => rule.alert)).toEqual(['A']);
    expect(partly.problems).toEqual(['group “ok”: rule 2 has neither an alert nor a record name', 'group 2 has no list of rules']);
  });

  it('keeps labels as text whatever their YAML type, and a __proto__ label as a label', () => {
    const [rule] = rulesOf('r.yml', 'groups:\n  - name: g\n    rules:\n      - alert: A\n        labels:\n          priority: 1\n          paging: true\n          nested: {a: b}\n          __proto__: polluted\n').rules;
    expect(Object.keys(rule.labels).sort()).toEqual(['__proto__', 'paging', 'priority']);
    expect(rule.labels.priority).toBe('1');
    expect(Object.getOwnPropertyDescriptor(rule.labels, '__proto__')?.value).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('goes through the library parser into a snapshot that passes its checks; a broken rule file is that file’s problem', () => {
    const snapshot = parseLibrary(
      [
        { path: 'rules/gitaly.yml', text: fixture('gitlab-rules/rules/gitaly.yml') },
        { path: 'rules/broken.yml', text: 'groups:\n  - name: [\n' },
        { path: 'ci.yml', text: 'stages: [build]\n' },
        { path: 'docs/a.md', text: '# A\n' },
      ],
      source,
    );
    expect(snapshot.alertRules?.map((rule) => rule.alert)).toEqual(['GitalyServiceDown', 'GitalyServiceDown', 'GitalyLatencyTooHigh']);
    expect(snapshot.problems.map((problem) => [problem.path, problem.level])).toEqual([['rules/broken.yml', 'error']]);
    expect(snapshotProblem(JSON.parse(JSON.stringify(snapshot)))).toBeUndefined();
    expect(snapshotProblem({ ...snapshot, alertRules: [{ alert: 'A', path: 'x', labels: { a: 1 }, annotations: {} }] })).toBe('an alerting rule is malformed');
    const older: Partial<typeof snapshot> = { ...snapshot };
    delete older.alertRules;
    expect(assertSnapshot(older).alertRules).toBeUndefined();
  });

  it('changes the library version when a rule changes, and not for a library without rules', () => {
    const docs = [{ path: 'docs/a.md', text: '# A\n' }];
    const one = parseLibrary([...docs, { path: 'r.yml', text: 'groups: [{name: g, rules: [{alert: A}]}]' }], source);
    const two = parseLibrary([...docs, { path: 'r.yml', text: 'groups: [{name: g, rules: [{alert: B}]}]' }], source);
    expect(one.version).not.toBe(two.version);
    expect(parseLibrary(docs, source).version).toBe(parseLibrary([...docs, { path: 'ci.yml', text: 'a: 1' }], source).version);
  });
});

describe('readAlertRules on hostile YAML, within the limits', () => {
  const within = (text: string) => text.slice(0, DEFAULT_LIMITS.maxFileBytes);
  // A hang fails by vitest's timeout; times are the bench's to show, not a test's.
  const readHostile = (text: string) => readAlertRules('hostile.yml', text);

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [*${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}]`), 'groups: [{name: g, rules: [{alert: A, labels: {x: *j}}]}]'].join('\n');
    expect(readHostile(bomb)).toMatchObject({ kind: 'broken' });
  });

  it('refuses nesting deeper than the limit, and survives nesting as deep as the file allows', () => {
    const deep = `groups: [{name: g, rules: [{alert: A, labels: ${'{a: '.repeat(40)}x${'}'.repeat(40)}}]}]`;
    expect(readHostile(deep)).toMatchObject({ kind: 'broken', reason: expect.stringContaining('deeper') });
    const deepest = within(`groups: ${'['.repeat(DEFAULT_LIMITS.maxFileBytes)}`);
    expect(['broken', 'not-rules']).toContain(readHostile(deepest).kind);
  });

  it('reads a file of as many rules as fit in the size limit', () => {
    const rule = '  - alert: A\n    labels: {severity: page, runbook: docs/a.md}\n';
    const many = within(`groups:\n- name: g\n  rules:\n${rule.repeat(Math.floor(DEFAULT_LIMITS.maxFileBytes / rule.length) - 1)}`);
    const read = readHostile(many);
    expect(read.kind).toBe('rules');
  });

  it('never throws, whatever mix of YAML punctuation, anchors and rule keys it is given', () => {
    const pieces = fc.constantFrom('groups:', '\n', '  ', '- ', 'rules:', 'alert: A', 'record: r', '&x ', '*x', '[', ']', '{', '}', ': ', ', ', '---\n', 'kind: PrometheusRule', 'spec:', '"', "'", '#', '\t', '\\', '\u0000', '\u202e', '!!binary ', '? ', '|\n', '>\n', '%YAML 1.2\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 400 }), fc.integer({ min: 1, max: 200 }), (parts, times) => {
        const read = readHostile(within(parts.join('').repeat(times)));
        expect(['rules', 'not-rules', 'broken']).toContain(read.kind);
        if (read.kind === 'rules') for (const rule of read.rules) expect(typeof rule.alert).toBe('string');
      }),
      { numRuns: 60, seed: 18 },
    );
  });
});
