// Text decoded twice: UTF-8 bytes read as Windows-1252 (or Latin-1) and saved again as UTF-8, so
// ✅ shows as "âœ…", — as "â€”" and é as "Ã©". Each such run is a lead character (Â–ô, the bytes
// C2–F4) followed by continuation characters (bytes 80–BF); mapped back to bytes, it decodes as
// UTF-8 to the character meant. A file is repaired only when that is certain: the whole file, mapped
// back to bytes, is valid UTF-8, so every non-ASCII character is part of a run that decodes (a real
// ✅, or a lone é, beside "âœ…" means the file is not simply decoded twice). Otherwise it is left as
// written and said to be suspect. A file with no run at all is clean, whatever it holds. One pass.

/** Windows-1252's characters for the bytes 80–9F (the five it leaves undefined read as Latin-1 does). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<number, number>();
for (let byte = 0x80; byte <= 0x9f; byte++) {
  BYTE_OF.set(CP1252_HIGH.charCodeAt(byte - 0x80), byte);
  BYTE_OF.set(byte, byte);
}
for (let byte = 0xa0; byte <= 0xff; byte++) BYTE_OF.set(byte, byte);

export type DoubleDecoding =
  | { state: 'clean'; text: string }
  | { state: 'repaired'; text: string; runs: number; example: { was: string; now: string } }
  | { state: 'suspect'; text: string; example: string };

/** The characters of the lead bytes C2–F4 (Â to ô): without one, nothing can have been decoded twice. */
const LEAD = /[\u00C2-\u00F4]/;

const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** The character a run of bytes encodes in UTF-8 (lead at `bytes[0]`), or undefined when it is not valid. */
function decodeRun(bytes: number[]): number | undefined {
  const [lead] = bytes;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (bytes.length !== length) return undefined;
  let code = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
  for (const byte of bytes.slice(1)) code = (code << 6) | (byte & 0x3f);
  const smallest = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
  if (code < smallest || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return code;
}

/** The text with its double-decoded runs repaired when certain; else as it was, with the state found. */
export function repairDoubleDecoding(text: string): DoubleDecoding {
  // Most files hold no lead character at all: one native scan for a single character class says so.
  if (!LEAD.test(text)) return { state: 'clean', text };
  const pieces: string[] = [];
  let copiedTo = 0;
  let runs = 0;
  let suspect: string | undefined;
  let stray = false; // a non-ASCII character outside any run that decodes
  let example: { was: string; now: string } | undefined;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x80) continue;
    const byte = BYTE_OF.get(code);
    if (byte === undefined || byte < 0xc2 || byte > 0xf4 || !isContinuation(BYTE_OF.get(text.charCodeAt(at + 1)))) {
      stray = true;
      continue;
    }
    const bytes = [byte];
    const wanted = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    while (bytes.length < wanted && isContinuation(BYTE_OF.get(text.charCodeAt(at + bytes.length)))) bytes.push(BYTE_OF.get(text.charCodeAt(at + bytes.length))!);
    const decoded = decodeRun(bytes);
    const was = text.slice(at, at + bytes.length);
    if (decoded === undefined) {
      suspect ??= was;
      continue;
    }
    const now = String.fromCodePoint(decoded);
    example ??= { was, now };
    pieces.push(text.slice(copiedTo, at), now);
    runs++;
    at += bytes.length - 1;
    copiedTo = at + 1;
  }
  if (!runs && suspect === undefined) return { state: 'clean', text };
  if (suspect !== undefined || stray || !example) return { state: 'suspect', text, example: suspect ?? example?.was ?? '' };
  pieces.push(text.slice(copiedTo));
  return { state: 'repaired', text: pieces.join(''), runs, example };
}
