import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandText, fillCommand, initialValues, MASKED, missingParams, readParams, recordedCommand, type RunParam } from '../../../shared/library/run-params';
import { parseLibrary } from '../../../shared/library/library-parser';
import { LIMIT, pathological } from '../../support/pathological-inputs';

const params: RunParam[] = [
  { name: 'namespace', label: 'Namespace', default: 'production', required: true, secret: false },
  { name: 'service', label: 'Service', required: true, secret: false },
  { name: 'context', label: 'Context', required: false, secret: false },
  { name: 'token', label: 'API token', required: true, secret: true },
];

describe('reading params from front matter', () => {
  it('reads a list of declarations with every field', () => {
    const read = readParams([{ name: 'namespace', label: 'Namespace', default: 'prod', options: ['prod', 'staging'], required: true, example: 'prod', secret: false }, { name: 'token', secret: true }]);
    expect(read.problems).toEqual([]);
    expect(read.params).toEqual([
      { name: 'namespace', label: 'Namespace', default: 'prod', options: ['prod', 'staging'], required: true, example: 'prod', secret: false },
      { name: 'token', label: 'token', default: undefined, options: undefined, required: false, example: undefined, secret: true },
    ]);
  });

  it('reads a map from name to fields too', () => {
    expect(readParams({ db_host: { label: 'Database host', required: true } }).params).toMatchObject([{ name: 'db_host', label: 'Database host', required: true }]);
  });

  it('names what is wrong and keeps the rest', () => {
    const read = readParams([{ name: 'good' }, { name: '1bad' }, { label: 'no name' }, { name: 'good' }]);
    expect(read.params.map((param) => param.name)).toEqual(['good']);
    expect(read.problems).toHaveLength(3);
    expect(read.problems[0]).toMatch(/"1bad" is not a parameter name/);
    expect(read.problems[2]).toMatch(/"good" is declared twice/);
    expect(readParams('namespace').problems[0]).toMatch(/expected a list/);
    expect(readParams(undefined)).toEqual({ params: [], problems: [] });
  });

  it('a library with bad params keeps the runbook and warns', () => {
    const snapshot = parseLibrary([{ path: 'ops/restart.md', text: '---\nparams: [{ name: "bad name" }]\n---\n# Restart\n\n1. Go' }], { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
    expect(snapshot.runbooks.map((runbook) => runbook.id)).toEqual(['ops/restart']);
    expect(snapshot.problems).toMatchObject([{ path: 'ops/restart.md', level: 'warning', reason: expect.stringMatching(/not a parameter name/) }]);
  });
});

describe('filling commands', () => {
  const values = { namespace: 'prod', service: 'api', context: '', token: 's3cr3t' };

  it('replaces declared names only, with or without spaces inside the braces', () => {
    expect(commandText(fillCommand('kubectl -n {{namespace}} rollout restart deploy/{{ service }}', params, values))).toBe('kubectl -n prod rollout restart deploy/api');
    expect(commandText(fillCommand('echo {{undeclared}} {{namespace}}', params, values))).toBe('echo {{undeclared}} prod');
  });

  it('leaves Go templates and Helm values untouched', () => {
    const go = `docker ps --format '{{.Status}} {{ .Names }}' && kubectl get pods -n {{namespace}} -o go-template='{{range .items}}{{.metadata.name}}{{end}}'`;
    expect(commandText(fillCommand(go, params, values))).toBe(`docker ps --format '{{.Status}} {{ .Names }}' && kubectl get pods -n prod -o go-template='{{range .items}}{{.metadata.name}}{{end}}'`);
    expect(commandText(fillCommand('helm upgrade --set image={{ .Values.image }}', params, values))).toBe('helm upgrade --set image={{ .Values.image }}');
  });

  it('marks each filled value, and an empty required one as missing', () => {
    const pieces = fillCommand('kubectl -n {{namespace}} get deploy {{service}} --context={{context}}', params, { namespace: 'prod', service: ' ', context: '' });
    expect(pieces).toEqual([
      { kind: 'text', text: 'kubectl -n ' },
      { kind: 'param', name: 'namespace', value: 'prod', missing: false, secret: false },
      { kind: 'text', text: ' get deploy ' },
      { kind: 'param', name: 'service', value: ' ', missing: true, secret: false },
      { kind: 'text', text: ' --context=' },
      { kind: 'param', name: 'context', value: '', missing: false, secret: false },
    ]);
    expect(missingParams(pieces)).toEqual(['service']);
  });

  it('copies a secret and records it masked', () => {
    const pieces = fillCommand('curl -H "Authorization: Bearer {{token}}" https://api/{{namespace}}', params, values);
    expect(commandText(pieces)).toBe('curl -H "Authorization: Bearer s3cr3t" https://api/prod');
    expect(recordedCommand(pieces)).toBe(`curl -H "Authorization: Bearer ${MASKED}" https://api/prod`);
    expect(recordedCommand(pieces)).not.toContain('s3cr3t');
  });

  it('keeps unclosed and stray braces as they are', () => {
    expect(commandText(fillCommand('echo {{namespace', params, values))).toBe('echo {{namespace');
    expect(commandText(fillCommand('awk "{print $1}}" {{{namespace}}}', params, values))).toBe('awk "{print $1}}" {prod}');
  });

  it('starts a run with earlier values, then defaults, never an earlier secret', () => {
    expect(initialValues(params, { service: 'worker', token: 'old' })).toEqual({ namespace: 'production', service: 'worker', context: '', token: '' });
  });

  it('fills any pathological text up to the size limit without hanging', () => {
    fc.assert(
      fc.property(pathological, fc.constantFrom('{{', '}}', '{{namespace}}', '{{ .x }}', '{{{'), (text, brace) => {
        const command = `${text}${brace.repeat(Math.floor(LIMIT / 4 / brace.length))}`;
        commandText(fillCommand(command, params, values));
      }),
      { numRuns: 20, seed: 3 },
    );
  });
});
