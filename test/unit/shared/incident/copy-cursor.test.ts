import { describe, expect, it } from 'vitest';
import { nextCommandFromRecord } from '../../../../shared/incident/runs/copy-cursor';
import { TestRecord, testRunbook } from '../../../support/incident-record';

const commands = ['kubectl get pods', 'kubectl rollout undo deploy/api', 'kubectl rollout status deploy/api'];

function recordWith(...copies: { step?: number; command: string; runId?: string }[]) {
  const record = new TestRecord()
    .add({ type: 'incident-declared', title: 'API errors', severity: 'P2' })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() })
    .add({ type: 'run-started', runId: 'run-2', runbook: testRunbook() });
  for (const { step, command, runId = 'run-1' } of copies) record.add({ type: 'command-copied', runId, ...(step === undefined ? {} : { step }), command });
  return record.events;
}

describe('which command C copies next, from the record', () => {
  it('is the first when nothing was copied on the step', () => {
    expect(nextCommandFromRecord(recordWith(), 'run-1', 0, commands)).toBe(0);
  });

  it('goes on after the last one copied on that step, and round to the first after the last', () => {
    expect(nextCommandFromRecord(recordWith({ step: 0, command: commands[0] }), 'run-1', 0, commands)).toBe(1);
    expect(nextCommandFromRecord(recordWith({ step: 0, command: commands[0] }, { step: 0, command: commands[1] }), 'run-1', 0, commands)).toBe(2);
    expect(nextCommandFromRecord(recordWith({ step: 0, command: commands[2] }), 'run-1', 0, commands)).toBe(0);
  });

  it('ignores copies on other steps, outside the steps (rollback) and of other runs', () => {
    const events = recordWith({ step: 0, command: commands[0] }, { step: 1, command: commands[1] }, { command: commands[1] }, { step: 0, command: commands[1], runId: 'run-2' });
    expect(nextCommandFromRecord(events, 'run-1', 0, commands)).toBe(1);
  });

  it('starts from the first when the last copy is none of the step’s commands as they read now (the values changed)', () => {
    expect(nextCommandFromRecord(recordWith({ step: 0, command: 'kubectl -n staging get pods' }), 'run-1', 0, commands)).toBe(0);
  });
});
