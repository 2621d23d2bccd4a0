import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { severityKeys } from '../../../shared/oncall/severity-keys';

const levels = (...ids: string[]) => ids.map((id) => ({ id, name: '' }));

describe('the digit key of each severity level', () => {
  it('is the number the level is called by: 1 picks P1, not the first row (P0)', () => {
    expect(severityKeys(levels('P0', 'P1', 'P2', 'P3', 'P4'))).toEqual(['0', '1', '2', '3', '4']);
    expect(severityKeys(levels('SEV1', 'SEV2', 'SEV3', 'SEV4'))).toEqual(['1', '2', '3', '4']);
    expect(severityKeys(levels('S3', 'S1', 'S2'))).toEqual(['3', '1', '2']);
    expect(severityKeys(levels('sev-0', 'sev-1'))).toEqual(['0', '1']);
  });

  it('reads the name when the ids carry no number', () => {
    expect(severityKeys([{ id: 'critical', name: 'Severity 1' }, { id: 'major', name: 'Severity 2' }])).toEqual(['1', '2']);
  });

  it('falls back to position when the levels have no numbers, or numbers that do not tell them apart', () => {
    expect(severityKeys(levels('critical', 'high', 'low'))).toEqual(['1', '2', '3']);
    expect(severityKeys(levels('P1', 'P1-bis'))).toEqual(['1', '2']);
    expect(severityKeys(levels('P1', 'minor'))).toEqual(['1', '2']);
    expect(severityKeys(levels('P10', 'P20'))).toEqual(['1', '2']);
    expect(severityKeys(levels(...Array.from({ length: 11 }, (_, index) => `level ${String.fromCharCode(97 + index)}`)))).toEqual([...'123456789'.split(''), undefined, undefined]);
  });

  it('gives every key to one level at most, whatever the ids', () => {
    const id = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('P0', 'P1', 'SEV2', '9'.repeat(100_000), `x${'1'.repeat(100_000)}`, ''));
    fc.assert(
      fc.property(fc.array(fc.record({ id, name: id }), { maxLength: 30 }), (list) => {
        const keys = severityKeys(list).filter((key) => key !== undefined);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.every((key) => /^\d$/.test(key))).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
