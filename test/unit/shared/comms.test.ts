import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFields, fillTemplate, messageMarkdown, plainText } from '../../../shared/comms/template-render';
import { nextUpdateDue, promisedUpdateAt } from '../../../shared/comms/update-cadence';
import { promisedUpdate, stageOf, suggestedTemplate } from '../../../shared/comms/template-stage';
import type { CommsTemplate, TemplateStage } from '../../../shared/model';
import { prefillFromIncident } from '../../../shared/comms/incident-prefill';
import { parseDuration } from '../../../shared/duration-text';
import { linkedLibraryPlace } from '../../../shared/library/library-paths';
import { T0, TestRecord, testRunbook } from '../../support/incident-record';
import { parseLibrary } from '../../../shared/library/library-parser';
import { fieldType } from '../../../shared/library/template-parser';
import { LIMIT, pathological } from '../../support/pathological-inputs';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const template = (text: string) => parseLibrary([{ path: 'templates/t.md', text }], source).templates[0];

const initial = template(`---
title: Initial
fields:
  service: { label: Affected service, default: API }
  severity: { label: Severity, type: severity }
  status: { label: Status, type: status }
  impact: { label: Impact, type: multiline }
  started: { label: Started, type: time }
  region: { label: Region, options: [eu, us] }
---
**[{{severity}}] {{status}}: {{service}}**

Impact: {{impact}}. Started {{started}} in {{ region }}; ticket {{ticket}}.`);

describe('template fields', () => {
  it('reads declared types, infers choice from options, and adds undeclared placeholders as text', () => {
    expect(initial.fields.map((field) => [field.name, fieldType(field), field.default])).toEqual([
      ['service', 'text', 'API'],
      ['severity', 'severity', undefined],
      ['status', 'status', undefined],
      ['impact', 'multiline', undefined],
      ['started', 'time', undefined],
      ['region', 'choice', undefined],
      ['ticket', 'text', undefined],
    ]);
  });

  it('keeps the format without types working', () => {
    const old = template('---\nfields:\n  service: { label: Service, default: API }\n  level: { label: Level, options: [P1, P2] }\n---\n{{service}} {{level}}');
    expect(old.fields.map(fieldType)).toEqual(['text', 'choice']);
  });
});

describe('filling a template', () => {
  const values = { service: 'Checkout', severity: 'P1', status: 'Investigating', impact: 'payments fail', started: '02:14 UTC', region: 'eu', ticket: 'INC-42' };

  it('fills every field, declared or not, spaces inside the braces or not', () => {
    expect(messageMarkdown(fillTemplate(initial.body, initial.fields, values))).toBe('**[P1] Investigating: Checkout**\n\nImpact: payments fail. Started 02:14 UTC in eu; ticket INC-42.');
  });

  it('marks empty fields, and writes them as [Label] only when sent anyway', () => {
    const pieces = fillTemplate(initial.body, initial.fields, { ...values, impact: '  ', ticket: '' });
    expect(emptyFields(pieces).map((field) => field.label)).toEqual(['Impact', 'ticket']);
    expect(messageMarkdown(pieces)).toContain('Impact: [Impact].');
    expect(messageMarkdown(pieces)).not.toContain('{{');
  });

  it('keeps what must survive copying: quotes, emoji, other scripts, newlines, and a value holding {{x}}', () => {
    const text = messageMarkdown(fillTemplate(initial.body, initial.fields, { ...values, service: '“Checkout” \'v2\' 💳', impact: '決済が失敗\nзаказы не проходят', ticket: '{{service}} and {{ x }}' }));
    expect(text).toBe('**[P1] Investigating: “Checkout” \'v2\' 💳**\n\nImpact: 決済が失敗\nзаказы не проходят. Started 02:14 UTC in eu; ticket {{service}} and {{ x }}.');
  });

  it('writes a sentence end once when the value typed already ends with the one the template writes after it', () => {
    const fill = (impact: string) => messageMarkdown(fillTemplate(initial.body, initial.fields, { ...values, impact }));
    expect(fill('payments fail.')).toContain('Impact: payments fail. Started');
    expect(fill('payments fail!')).toContain('Impact: payments fail!. Started');
    expect(fill('payments fail...')).toContain('Impact: payments fail... Started');
    const asked = template('---\ntitle: Q\n---\nIs {{service}} down? Did {{ticket}}! help?');
    expect(messageMarkdown(fillTemplate(asked.body, asked.fields, { service: 'checkout?', ticket: 'the rollback!' }))).toBe('Is checkout? down? Did the rollback! help?');
  });

  it('gives plain text without Markdown marks, links as text and address', () => {
    expect(plainText('# Title\n**[P1] Down:** see [status](https://status.example.com) and __this one__, not `pg_isready` or __init__\n> quoted')).toBe('Title\n[P1] Down: see status (https://status.example.com) and this one, not pg_isready or __init__\nquoted');
  });

  it('fills and converts any pathological body up to the size limit without hanging', () => {
    fc.assert(
      fc.property(pathological, fc.constantFrom('{{service}}', '}}', '{{', '**', '[a](b)'), (body, extra) => {
        const text = `${body}${extra.repeat(Math.floor(LIMIT / 8 / extra.length))}`;
        plainText(messageMarkdown(fillTemplate(text, initial.fields, values)));
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});

describe('durations and the update cadence', () => {
  it('reads the durations teams write', () => {
    expect(['15 minutes', '1 hour', '4 hours', '90s', '2h 30m', 'daily', '1 day', 'Next business day', '', 'soon'].map(parseDuration)).toEqual([
      900_000, 3_600_000, 14_400_000, 90_000, 9_000_000, 86_400_000, 86_400_000, undefined, undefined, undefined,
    ]);
  });

  it('is due one cadence after the last message, later when snoozed, and overdue after that', () => {
    const sent = Date.UTC(2026, 10, 23, 2, 0);
    expect(nextUpdateDue('30 minutes', sent, [], sent + 10 * 60_000)).toEqual({ cadenceMs: 1_800_000, dueAt: sent + 1_800_000, remainingMs: 1_200_000, overdue: false, promised: false });
    expect(nextUpdateDue('30 minutes', sent, [], sent + 31 * 60_000)?.overdue).toBe(true);
    expect(nextUpdateDue('30 minutes', sent, [{ at: sent + 31 * 60_000, minutes: 15 }], sent + 32 * 60_000)).toMatchObject({ dueAt: sent + 46 * 60_000, overdue: false });
    expect(nextUpdateDue('next business day', sent, [], sent)).toBeUndefined();
  });
});

describe('a message filled from the incident', () => {
  it('takes the title, severity, status as the field lists it, start, duration, runbooks, cadence and the updates so far', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Checkout down', severity: 'P1' })
      .wait(10 * 60_000)
      .add({ type: 'milestone-set', milestone: 'acknowledged', time: T0 + 10 * 60_000 })
      .add({ type: 'incident-changed', field: 'status', value: 'identified' })
      .add({ type: 'run-started', runId: 'r', runbook: testRunbook() })
      .add({ type: 'message-copied', templateId: 't', templateTitle: 'Initial', format: 'plain', text: 'x' });
    const fields = parseLibrary(
      [{ path: 'templates/t.md', text: '---\nfields:\n  status: { label: Status, options: [Investigating, Identified] }\n---\n{{title}} {{severity}} {{status}} {{started}} {{duration}} {{runbooks}} {{next_update}} {{updates}} {{service}}' }],
      source,
    ).templates[0].fields;
    const level = { id: 'P1', name: 'High', responseTime: '1 hour', examples: [], pages: [], updateEvery: '1 hour' };
    expect(prefillFromIncident(fields, record.current, level, T0 + 20 * 60_000)).toEqual({
      title: 'Checkout down',
      severity: 'P1',
      status: 'Identified',
      started: '02:14 UTC',
      duration: '20m 00s',
      runbooks: 'Restart the API',
      next_update: '1 hour',
      updates: '- 02:14 UTC Investigating\n- 02:24 UTC Acknowledged\n- 02:24 UTC Update sent (Initial)',
    });
  });

  it('leaves what readers outside are told (a summary) for the responder to write: the incident’s title is internal', () => {
    const record = new TestRecord().add({ type: 'incident-declared', title: 'db-1 disk 95% full, checkout API timing out', severity: 'P1' });
    const fields = parseLibrary([{ path: 'templates/t.md', text: '{{title}} {{summary}}' }], source).templates[0].fields;
    expect(prefillFromIncident(fields, record.current, undefined, T0)).toEqual({ title: 'db-1 disk 95% full, checkout API timing out' });
  });

  it('offers as the next update what the last message promised, else the cadence', () => {
    const fields = parseLibrary([{ path: 'templates/t.md', text: 'Next update in {{next_update}}.' }], source).templates[0].fields;
    const level = { id: 'P1', name: 'High', responseTime: '1 hour', examples: [], pages: [], updateEvery: '1 hour' };
    const record = new TestRecord().add({ type: 'incident-declared', title: 'Checkout down', severity: 'P1' });
    expect(prefillFromIncident(fields, record.current, level, T0)).toEqual({ next_update: '1 hour' });
    record.add({ type: 'message-copied', templateId: 't', templateTitle: 'Initial', format: 'plain', text: '[P1] Investigating\n\nNext update in 30 minutes.' });
    expect(prefillFromIncident(fields, record.current, level, T0)).toEqual({ next_update: '30 minutes' });
    record.add({ type: 'message-copied', templateId: 't', templateTitle: 'Update', format: 'plain', text: 'We will update you within the next hour.' });
    expect(prefillFromIncident(fields, record.current, level, T0)).toEqual({ next_update: 'an hour' });
    // A time of day is no interval: the cadence again.
    record.add({ type: 'message-copied', templateId: 't', templateTitle: 'Update', format: 'plain', text: 'Next update by 03:30 UTC.' });
    expect(prefillFromIncident(fields, record.current, level, T0)).toEqual({ next_update: '1 hour' });
  });

  it('says it started when it was detected, when that is earlier than the declaration, and counts the duration from then', () => {
    const fields = parseLibrary([{ path: 'templates/t.md', text: '{{started}} {{duration}}' }], source).templates[0].fields;
    const record = new TestRecord().add({ type: 'incident-declared', title: 'Checkout down', severity: 'P1' });
    expect(prefillFromIncident(fields, record.current, undefined, T0 + 5 * 60_000)).toEqual({ started: '02:14 UTC', duration: '5m 00s' });
    // Corrected to ten minutes before the declaration: readers outside hear when it began.
    record.add({ type: 'milestone-set', milestone: 'detected', time: T0 - 10 * 60_000 });
    expect(prefillFromIncident(fields, record.current, undefined, T0 + 5 * 60_000)).toEqual({ started: '02:04 UTC', duration: '15m 00s' });
    // A Detected time after the declaration does not move the start later.
    record.add({ type: 'milestone-set', milestone: 'detected', time: T0 + 60_000 });
    expect(prefillFromIncident(fields, record.current, undefined, T0 + 5 * 60_000)).toEqual({ started: '02:14 UTC', duration: '5m 00s' });
  });
});

describe('links from runbooks to the roster and templates', () => {
  it('opens the on-call place for oncall.yml and the template for a file under templates/', () => {
    expect(linkedLibraryPlace('incident-response/db.md', '../templates/update.md')).toEqual({ kind: 'template', id: 'templates/update' });
    expect(linkedLibraryPlace('incident-response/db.md', '../oncall.yml')).toEqual({ kind: 'oncall' });
    expect(linkedLibraryPlace('incident-response/db.md', '../maintenance/switchover.md')).toBeUndefined();
    expect(linkedLibraryPlace('incident-response/db.md', 'https://example.com/oncall.yml')).toBeUndefined();
  });
});

describe('the message that fits the moment', () => {
  const template = (id: string, title: string, stage?: TemplateStage): CommsTemplate => ({ id, path: `${id}.md`, title, stage, fields: [], body: '' });
  const templates = [template('templates/internal', 'Internal incident update'), template('templates/resolved', 'Incident resolved'), template('templates/initial', 'Initial incident notice'), template('templates/update', 'Incident update')];
  const incident = new TestRecord().add({ type: 'incident-declared', title: 'Checkout API returns 502', severity: 'P1' });

  it('offers the initial notice first while nothing was sent, an update once something was, the resolution notice once resolved', () => {
    expect(suggestedTemplate(templates, undefined)?.title).toBe('Initial incident notice');
    expect(suggestedTemplate(templates, incident.current)?.title).toBe('Initial incident notice');
    incident.add({ type: 'message-copied', templateId: 'templates/initial', templateTitle: 'Initial incident notice', format: 'plain', text: 'Investigating' });
    expect(suggestedTemplate(templates, incident.current)?.title).toBe('Internal incident update');
    incident.add({ type: 'incident-changed', field: 'status', value: 'resolved' });
    expect(suggestedTemplate(templates, incident.current)?.title).toBe('Incident resolved');
  });

  it('offers an update, not the initial notice, for a first message written once the status moved past investigating', () => {
    const mitigated = new TestRecord().add({ type: 'incident-declared', title: 'Checkout API returns 502', severity: 'P1' });
    mitigated.add({ type: 'incident-changed', field: 'status', value: 'monitoring' });
    expect(mitigated.current.messages).toEqual([]);
    expect(suggestedTemplate(templates, mitigated.current)?.title).toBe('Internal incident update');
  });

  it('a stage declared in the template wins over its name', () => {
    expect(stageOf(template('templates/all-good', 'All good', 'resolved'))).toBe('resolved');
    expect(stageOf(template('templates/weekly', 'Weekly digest'))).toBeUndefined();
  });

  it('flags a resolution notice that still promises another update, and only that', () => {
    const resolved = template('templates/resolved', 'Incident resolved');
    expect(promisedUpdate(resolved, '**Resolved: API**\n\nAPI works again.\nNext update in 30 minutes.')).toBe('Next update in 30 minutes.');
    expect(promisedUpdate(resolved, '**Resolved: API**\n\nAPI works again. Thank you for your patience.')).toBeUndefined();
    expect(promisedUpdate(template('templates/update', 'Incident update'), 'Next update in 30 minutes.')).toBeUndefined();
  });
});

describe('the next update a message promised', () => {
  const sent = Date.UTC(2026, 10, 23, 2, 10);
  it('reads the time a message gives, as our templates and teams word it', () => {
    const minutes = (text: string) => {
      const at = promisedUpdateAt(text, sent);
      return at === undefined ? undefined : (at - sent) / 60_000;
    };
    expect(minutes('Investigating.\nNext update in 30 minutes.')).toBe(30);
    expect(minutes('We will update you within the next 1 hour and 30 minutes')).toBe(90);
    expect(minutes('Next update in 45m, sooner if it changes.')).toBe(45);
    expect(minutes('**Investigating:** checkout. Errors. Next update by 03:00 UTC.')).toBe(50);
    // A time of day already past means tomorrow's.
    expect(minutes('Next update at 01:00 UTC')).toBe(22 * 60 + 50);
    expect(minutes('Next update: 02:40 UTC')).toBe(30);
    expect(minutes('We will provide an update in ~20 mins.')).toBe(20);
    expect(minutes('Next update within the next hour.')).toBe(60);
    expect(minutes('We will update you in half an hour')).toBe(30);
    // The time after the promise, not the one before it.
    expect(minutes('Errors since 02:05 UTC. Next update by 02:55 UTC.')).toBe(45);
    // No time given, a local time, or a time on a line that promises nothing: the cadence holds.
    for (const text of ['Next update soon.', 'Next update by 03:00.', 'Deploy at 03:00 UTC; back in 30 minutes.']) expect(minutes(text), text).toBeUndefined();
  });

  it('is what the countdown follows, snoozes applied after it; without a cadence too', () => {
    expect(nextUpdateDue('1 hour', sent, [], sent + 60_000, sent + 30 * 60_000)).toMatchObject({ dueAt: sent + 30 * 60_000, promised: true, overdue: false });
    expect(nextUpdateDue('1 hour', sent, [{ at: sent + 35 * 60_000, minutes: 10 }], sent + 36 * 60_000, sent + 30 * 60_000)?.dueAt).toBe(sent + 45 * 60_000);
    expect(nextUpdateDue('next business day', sent, [], sent, sent + 15 * 60_000)).toMatchObject({ dueAt: sent + 15 * 60_000, cadenceMs: 15 * 60_000 });
  });

  it('reads any pathological message up to the size limit without hanging', () => {
    fc.assert(
      fc.property(pathological, fc.constantFrom('next update in ', 'Next update by ', ' 1 hour and ', '99:99 UTC', 'in 9999.99 m'), (body, promise) => {
        const text = `${promise}${body}${promise}`.slice(0, LIMIT);
        const at = promisedUpdateAt(text, sent);
        expect(at === undefined || at > sent).toBe(true);
      }),
      { numRuns: 60, seed: 29 },
    );
  });
});

describe('snoozing the next update', () => {
  const sent = Date.UTC(2026, 10, 23, 2, 0);
  it('a snooze made before the update is due moves it by what it says', () => {
    expect(nextUpdateDue('30 minutes', sent, [{ at: sent + 10 * 60_000, minutes: 15 }], sent + 11 * 60_000)?.dueAt).toBe(sent + 45 * 60_000);
  });
  it('two snoozes add up; a message sent afterwards starts the cadence again', () => {
    const snoozes = [{ at: sent + 5 * 60_000, minutes: 10 }, { at: sent + 6 * 60_000, minutes: 5 }];
    expect(nextUpdateDue('30 minutes', sent, snoozes, sent + 7 * 60_000)?.dueAt).toBe(sent + 45 * 60_000);
    expect(nextUpdateDue('30 minutes', sent + 20 * 60_000, snoozes, sent + 21 * 60_000)?.dueAt).toBe(sent + 50 * 60_000);
  });
});
