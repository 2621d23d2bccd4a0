import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exportIncidentMarkdown } from '../../../shared/incident/incident-export';
import { earlierValues } from '../../../shared/incident/incident-state';
import { runbookCopy } from '../../../shared/incident/runbook-copy';
import { parseLibrary } from '../../../shared/library/library-parser';
import { namedValues, ownValue, withNamedValue } from '../../../shared/library/placeholders';
import { commandText, fillCommand, initialValues, missingParams, runbookParams } from '../../../shared/library/run-params';
import { fillTemplate, messageMarkdown } from '../../../shared/comms/template-render';
import { prefillFromIncident } from '../../../shared/comms/incident-prefill';
import { ParamFields } from '../../../renderer/features/run/ParamFields';
import { TestRecord } from '../../support/incident-record';

// A parameter or template field is named by the runbook's author: `__proto__`, `constructor` and
// `hasOwnProperty` are names like any other. Looked up in a plain object they answered with
// Object.prototype's members ("needs a value", "[object Object]").

const NAMES = ['__proto__', 'constructor', 'hasOwnProperty'];
const RUNBOOK = `---
title: Odd names
params:
${NAMES.map((name) => `  - name: ${name}\n    label: The ${name}\n    required: true`).join('\n')}
---
# Odd names

## Steps

1. Run it
   \`\`\`bash
   run --a {{__proto__}} --b {{constructor}} --c {{hasOwnProperty}}
   \`\`\`
`;
const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;

describe('parameters named like Object.prototype members', () => {
  const library = parseLibrary([{ path: 'odd/names.md', text: RUNBOOK }], source);
  const [runbook] = library.runbooks;

  it('are declared, start empty, take the values typed, and fill and copy the command', () => {
    const params = runbookParams(runbook);
    expect(params.map((param) => param.name)).toEqual(NAMES);
    const initial = initialValues(params, {});
    expect(NAMES.map((name) => ownValue(initial, name))).toEqual(['', '', '']);
    const command = 'run --a {{__proto__}} --b {{constructor}} --c {{hasOwnProperty}}';
    expect(missingParams(fillCommand(command, params, initial))).toEqual(NAMES);
    const typed = NAMES.reduce((values, name, index) => withNamedValue(values, name, `v${index}`), initial);
    const pieces = fillCommand(command, params, typed);
    expect(missingParams(pieces)).toEqual([]);
    expect(commandText(pieces)).toBe('run --a v0 --b v1 --c v2');
    // The form shows the values typed, not "[object Object]".
    const html = renderToStaticMarkup(<ParamFields params={params} values={typed} onChange={() => undefined} />);
    expect(html).toContain('value="v0"');
    expect(html).toContain('value="v1"');
    expect(html).toContain('value="v2"');
    expect(html).not.toContain('[object Object]');
    const empty = renderToStaticMarkup(<ParamFields params={params} values={namedValues()} onChange={() => undefined} />);
    expect(empty).not.toMatch(/value="(?!")|function|object Object/);
  });

  it('are recorded, prefill the next run and are exported with the values typed', () => {
    const copy = runbookCopy(runbook, new Map(), { version: library.version, source });
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Odd names', severity: 'SEV2' })
      .add({ type: 'run-started', runId: 'run-1', runbook: copy }, ...NAMES.map((name, index) => ({ type: 'param-set' as const, runId: 'run-1', name, value: `v${index}` })));
    const run = record.current.runs[0];
    expect(NAMES.map((name) => Object.prototype.hasOwnProperty.call(run.params, name) && run.params[name].value)).toEqual(['v0', 'v1', 'v2']);
    expect(NAMES.map((name) => ownValue(initialValues(copy.params, earlierValues(record.current)), name))).toEqual(['v0', 'v1', 'v2']);
    const markdown = exportIncidentMarkdown(record.current, record.events, { appVersion: '0.1.0', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() });
    const rendered = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(rendered).toContain('Parameters: __proto__ = <code>v0</code>, constructor = <code>v1</code>, hasOwnProperty = <code>v2</code>');
  });

  it('fill message templates, and an incident never prefills a field from Object.prototype', () => {
    const fields = NAMES.map((name) => ({ name, label: name }));
    expect(messageMarkdown(fillTemplate('{{__proto__}}/{{constructor}}/{{hasOwnProperty}}', fields, namedValues(NAMES.map((name) => [name, name.toUpperCase()]))))).toBe('__PROTO__/CONSTRUCTOR/HASOWNPROPERTY');
    expect(fillTemplate('{{constructor}}', fields, {}).map((piece) => piece.kind === 'field' && piece.empty)).toEqual([true]);
    const record = new TestRecord().add({ type: 'incident-declared', title: 'Odd names', severity: 'SEV2' });
    const prefilled = prefillFromIncident(fields, record.current, undefined, record.at);
    expect(Object.keys(prefilled)).toEqual([]);
    expect(ownValue(prefilled, 'constructor')).toBeUndefined();
  });
});
