// JSON from outside, parsed only when it is shallow enough: JSON.parse recurses per nesting level
// and throws a RangeError on 100,000 `[`, so the depth is measured first in one linear pass.

/** The deepest nesting of `[` and `{` outside strings, stopping as soon as it passes `max`. */
export function jsonDepthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

/** The parsed value, or why not, in words; never throws. */
export function parseJsonBounded(text: string, maxDepth: number): JsonRead {
  if (jsonDepthOver(text, maxDepth)) return { ok: false, reason: `the JSON is nested deeper than ${maxDepth} levels; it was not read` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'unreadable';
    return { ok: false, reason: `the JSON could not be read (${detail})` };
  }
}
