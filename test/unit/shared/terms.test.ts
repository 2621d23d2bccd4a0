import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/search/terms';

/** The split tokenize is defined by, as it was written before the scan replaced it. */
const SEPARATORS = /[\n\r\p{Z}!-,./:-@[-^`{-~\p{Pi}\p{Pf}\p{Ps}\p{Pe}\p{Po}]+/u;
const bySplit = (text: string) => text.split(SEPARATORS).filter(Boolean);

// Characters on both sides of every line: ASCII punctuation and controls, `-` and `_`, Unicode
// spaces and punctuation, letters beyond the BMP (surrogate pairs) and lone surrogates.
const tricky = fc.constantFrom('-', '_', '\t', '\v', '\f', '\u0000', '\u007f', '$', '+', '`', '~', '{', '|', '\\', '@', '\u00a0', '\u2003', '\u3000', '\u2028', '«', '»', '“', '”', '（', '）', '、', '。', '¿', '¡', '§', '¶', '·', '—', '–', '€', '\u{1F600}', '\u{1D11E}', '\u{10100}', '\u{1DA87}', '\ud800', '\udc00', 'é', 'ß', 'Ω', 'ж', '汉');
const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('gives the words the separator class splits a text into, whatever the characters', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(tokenize(value)).toEqual(bySplit(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps names whole and splits on punctuation', () => {
    expect(tokenize('KubePodCrashLooping: node_clock_skew, redis-replication-broken (502)')).toEqual(['KubePodCrashLooping', 'node_clock_skew', 'redis-replication-broken', '502']);
    expect(tokenize('kubectl get pods -n billing')).toEqual(['kubectl', 'get', 'pods', '-n', 'billing']);
    expect(tokenize('  \n\r  ')).toEqual([]);
  });
});
