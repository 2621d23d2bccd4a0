import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairDoubleDecoding } from '../../../shared/library/document/double-decoding';
import { parseLibrary } from '../../../shared/library/library-parser';
import { libraryHealth } from '../../../shared/library/library-health';
import { LIMIT, pathological } from '../../support/pathological-inputs';

// Windows-1252's characters for the bytes 80–9F as the WHATWG table has them (Node's TextDecoder reads
// those bytes as Latin-1 does, the other way teams' files go wrong: both are tested).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** What an editor does to a UTF-8 file it opens as Windows-1252 and saves as UTF-8. */
const decodedTwice = (text: string) => [...new TextEncoder().encode(text)].map((byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252[byte - 0x80] : String.fromCharCode(byte))).join('');
const decodedAsLatin1 = (text: string) => new TextDecoder('latin1').decode(new TextEncoder().encode(text));
const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;

describe('text decoded twice', () => {
  it('repairs the marks teams write', () => {
    expect(decodedTwice('✅ — é 🚨')).toBe('âœ… â€” Ã© ðŸš¨');
    expect(repairDoubleDecoding('**Status:** âœ… Current â€” checked by JosÃ© ðŸš¨')).toMatchObject({ state: 'repaired', text: '**Status:** ✅ Current — checked by José 🚨', runs: 4 });
  });

  it('leaves correct text alone, accents and emoji included', () => {
    for (const text of ['Plain ASCII runbook', 'Größe · naïve café » 20°C', '✅ done — next → 🚨', 'Zürich, 東京']) expect(repairDoubleDecoding(text)).toEqual({ state: 'clean', text });
  });

  it('is not certain when a run does not decode or the file also holds real marks, and changes nothing', () => {
    expect(repairDoubleDecoding('Broken: â€ then text')).toMatchObject({ state: 'suspect', text: 'Broken: â€ then text', example: 'â€' });
    expect(repairDoubleDecoding('Real ✅ beside âœ…')).toMatchObject({ state: 'suspect', text: 'Real ✅ beside âœ…', example: 'âœ…' });
  });

  it('gives back the original of any text decoded twice, as Windows-1252 or as Latin-1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (original) => {
        expect(repairDoubleDecoding(decodedTwice(original)).text).toBe(original);
        expect(repairDoubleDecoding(decodedAsLatin1(original)).text).toBe(original);
      }),
      { numRuns: 500, seed: 23 },
    );
  });

  it('only ever changes text whose characters, read back as bytes, are exactly the UTF-8 of what it gives', () => {
    // Characters that make runs (lead and continuation bytes in both readings), plain ones, and real marks.
    const char = fc.constantFrom('Ã', 'â', 'ð', 'Â', 'Ÿ', 'œ', '€', '©', '\u0085', '»', 'é', 'a', ' ', '✅', '—');
    const asBytes = (text: string) => [...text].map((c) => (CP1252.includes(c) && c.charCodeAt(0) > 0xff ? 0x80 + CP1252.indexOf(c) : c.charCodeAt(0)));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const result = repairDoubleDecoding(text);
        if (result.state !== 'repaired') expect(result.text).toBe(text);
        else expect([...new TextEncoder().encode(result.text)]).toEqual(asBytes(text));
      }),
      { numRuns: 500, seed: 29 },
    );
  });

  it('reads any text up to the size limit in one pass', () => {
    fc.assert(fc.property(pathological, (text) => void repairDoubleDecoding(text)), { numRuns: 20, seed: 31 });
    for (const text of ['Ã'.repeat(LIMIT), 'â€'.repeat(LIMIT / 2), decodedTwice('✅').repeat(LIMIT / 3)]) repairDoubleDecoding(text);
  });

  it('a library file decoded twice is repaired and says so; one that cannot be is listed as a warning', () => {
    const snapshot = parseLibrary(
      [
        { path: 'ops/deploy.md', text: decodedTwice('# Deploy — production\n\n**Status:** ✅ Current\n\n1. Ship it') },
        { path: 'ops/mixed.md', text: '# Mixed ✅\n\nâœ… twice\n' },
      ],
      source,
    );
    expect(snapshot.runbooks.find((runbook) => runbook.path === 'ops/deploy.md')).toMatchObject({ title: 'Deploy — production', status: '✅ Current' });
    expect(snapshot.problems).toEqual([
      { path: 'ops/deploy.md', level: 'note', reason: expect.stringMatching(/decoded twice .*repaired/) },
      { path: 'ops/mixed.md', level: 'warning', reason: expect.stringMatching(/looks decoded twice .*shown as written/) },
    ]);
    expect(libraryHealth(snapshot, '2026-11-02').filter((finding) => finding.check === 'problem').map((finding) => finding.path)).toEqual(['ops/deploy.md', 'ops/mixed.md']);
  });
});

describe('an empty file', () => {
  it('is listed as skipped with its reason, and the rest is read', () => {
    const snapshot = parseLibrary(
      [
        { path: 'payments/README.md', text: '' },
        { path: 'notes/blank.md', text: ' \n\n' },
        { path: 'payments/restart.md', text: '# Restart payments\n\n1. Restart' },
      ],
      source,
    );
    expect(snapshot.runbooks.map((runbook) => runbook.id)).toEqual(['payments/restart']);
    expect(snapshot.problems).toEqual([
      { path: 'notes/blank.md', level: 'skipped', reason: 'skipped: the file is empty' },
      { path: 'payments/README.md', level: 'skipped', reason: 'skipped: the file is empty' },
    ]);
  });
});
