import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepWaitMs } from '../../../shared/library/step-wait';

describe('how long a step asks to watch or wait', () => {
  it('reads the time from the step’s title, in the words runbooks use', () => {
    expect(stepWaitMs('Watch for 15 minutes')).toBe(15 * 60_000);
    expect(stepWaitMs('Watch the error rate for 30 minutes')).toBe(30 * 60_000);
    expect(stepWaitMs('5. Monitor for 30 minutes')).toBe(30 * 60_000);
    expect(stepWaitMs('Wait 90 seconds for the pods')).toBe(90_000);
    expect(stepWaitMs('Soak 2 hrs before the next region')).toBe(2 * 3_600_000);
    expect(stepWaitMs('WAIT 5 MIN')).toBe(5 * 60_000);
  });

  it('finds none where the title names no wait, or a time that is not one', () => {
    for (const title of ['Restart the pods', 'Roll back the last 3 deploys', 'Check the last 15 minutes of logs', 'Watch the dashboard', 'Wait for the replica. Then drain 5 minutes later', 'Wait 0 minutes']) {
      expect(stepWaitMs(title), title).toBeUndefined();
    }
  });

  it('answers at once on any title up to the size limits, however it is made', () => {
    const piece = fc.constantFrom('wait ', 'watch ', '1', '5 ', 'minutes', 'min', ' for ', 'a', ' ', '.', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20_000 }), (pieces) => {
        const result = stepWaitMs(pieces.join(''));
        expect(result === undefined || result > 0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
