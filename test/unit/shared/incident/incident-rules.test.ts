import { describe, expect, it } from 'vitest';
import { chainRun } from '../../../../shared/incident/incident-state';
import { escalationChain, nextToCall } from '../../../../shared/oncall/escalation-chain';
import type { Contact, SeverityLevel } from '../../../../shared/model';
import { TestRecord, testRunbook } from '../../../support/incident-record';

// The incident's rules as a responder states them, each checked on the state function (and, for
// the escalation chain, on what the state gives the chain).

const declared = () => new TestRecord().add({ type: 'incident-declared', title: 'Checkout API returns 502', severity: 'P1' });
const resolved = () => declared().wait(60_000).add({ type: 'milestone-set', milestone: 'resolved', time: Date.UTC(2026, 10, 23, 2, 15) });

const people: Contact[] = [
  { id: 'ada', name: 'Ada', role: 'Primary on-call', phone: '+1 555 0100', escalationOrder: 1 },
  { id: 'bram', name: 'Bram', role: 'Secondary on-call', phone: '+1 555 0101', escalationOrder: 2 },
];
const p1: SeverityLevel = { id: 'P1', name: 'High', escalation: [{ notify: 'Primary on-call', wait: '10 minutes' }, { notify: 'Secondary on-call' }] } as SeverityLevel;

describe('what may follow a resolution', () => {
  it('a resolved incident takes no new run: the responder reopens it or runs the runbook in another incident', () => {
    expect(resolved().refusal({ type: 'run-started', runId: 'run-1', runbook: testRunbook() })).toMatch(/resolved: reopen it, or start the run in another incident/);
  });

  it('reopening a resolved incident makes it open again: no resolved milestone, its clock running, runs allowed', () => {
    const record = resolved().add({ type: 'incident-changed', field: 'status', value: 'investigating' });
    expect(record.current.status).toBe('investigating');
    expect(record.current.milestones.resolved).toBeUndefined();
    record.add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() });
    expect(record.current.runs).toHaveLength(1);
  });

  it('notes and follow-ups can still be written after the resolution (for the postmortem)', () => {
    const record = resolved().add({ type: 'incident-note', noteId: 'n1', text: 'Root cause: connection pool too small', followUp: true });
    expect(record.current.notes).toHaveLength(1);
  });
});

describe('the status follows the milestones', () => {
  it('once mitigated, an incident still being investigated reads “monitoring”, not “investigating”', () => {
    const record = declared().add({ type: 'milestone-set', milestone: 'mitigated', time: Date.UTC(2026, 10, 23, 2, 20) });
    expect(record.current.status).toBe('monitoring');
  });

  it('a status set by hand after the milestone stays: later milestones other than resolved do not change it', () => {
    const record = declared()
      .add({ type: 'milestone-set', milestone: 'mitigated', time: Date.UTC(2026, 10, 23, 2, 20) })
      .add({ type: 'incident-changed', field: 'status', value: 'identified' })
      .add({ type: 'milestone-set', milestone: 'acknowledged', time: Date.UTC(2026, 10, 23, 2, 16) });
    expect(record.current.status).toBe('identified');
  });

  it('an incident already monitoring stays monitoring when mitigated', () => {
    const record = declared()
      .add({ type: 'incident-changed', field: 'status', value: 'monitoring' })
      .add({ type: 'milestone-set', milestone: 'mitigated', time: Date.UTC(2026, 10, 23, 2, 20) });
    expect(record.current.status).toBe('monitoring');
  });

  it('the resolved milestone resolves the incident', () => {
    expect(resolved().current.status).toBe('resolved');
  });
});

describe('the escalation chain', () => {
  const chainAt = (record: TestRecord, minutes: number) => escalationChain(p1, people, chainRun(record.current), record.current.severitySince + minutes * 60_000);

  it('a resolved incident shows no live chain: nobody is due now', () => {
    const chain = chainAt(resolved(), 2);
    expect(chain.ended).toBe('resolved');
    expect(chain.steps.some((step) => step.state === 'now' || step.state === 'next')).toBe(false);
  });

  it('“no answer” from the person shown as now brings the next person to now', () => {
    const record = declared().wait(60_000).add({ type: 'contact-attempted', contactId: 'ada', name: 'Ada', outcome: 'no-answer' });
    const chain = chainAt(record, 2);
    expect(chain.steps.find((step) => step.state === 'now')?.notify).toBe('Secondary on-call');
    expect(nextToCall(chain)?.name).toBe('Bram');
  });

  it('“reached” stops the chain: no step is due any more', () => {
    const record = declared().wait(60_000).add({ type: 'contact-attempted', contactId: 'ada', name: 'Ada', outcome: 'reached' });
    const chain = chainAt(record, 30);
    expect(chain.ended).toBe('reached');
    expect(chain.steps.map((step) => step.state)).toEqual(['reached', 'stopped']);
  });

  it('a new severity starts its own chain: calls made before it do not count', () => {
    const record = declared()
      .wait(60_000)
      .add({ type: 'contact-attempted', contactId: 'ada', name: 'Ada', outcome: 'reached' })
      .wait(60_000)
      .add({ type: 'incident-changed', field: 'severity', value: 'P1' });
    const chain = chainAt(record, 0);
    expect(chain.ended).toBeUndefined();
    expect(nextToCall(chain)?.name).toBe('Ada');
  });
});
