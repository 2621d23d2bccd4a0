// `{{name}}` placeholders, as run parameters and message templates write them. One linear scan for
// both: each `}}` looks back a bounded distance for its `{{`, so a long text full of braces (a
// command, a hostile file) costs one pass.

/** A placeholder's name: what `{{ name }}` may hold to be filled; `{{.Status}}` never is. */
export const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** `{{` + spaces + the longest name + spaces + `}}`, with room for generous spacing. */
const LONGEST_PLACEHOLDER = 2 + 64 + 16;

export type TextCut<T> = { text: string } | { item: T };

/** The text cut at the placeholders `known` recognises (by their trimmed name); others stay text. */
export function cutAtPlaceholders<T>(text: string, known: (name: string) => T | undefined): TextCut<T>[] {
  const cuts: TextCut<T>[] = [];
  let textStart = 0;
  let close = text.indexOf('}}');
  while (close !== -1) {
    const windowStart = Math.max(textStart, close - LONGEST_PLACEHOLDER);
    const open = text.slice(windowStart, close).lastIndexOf('{{');
    const item = open === -1 ? undefined : known(text.slice(windowStart + open + 2, close).trim());
    if (item !== undefined) {
      const at = windowStart + open;
      if (at > textStart) cuts.push({ text: text.slice(textStart, at) });
      cuts.push({ item });
      textStart = close + 2;
    }
    close = text.indexOf('}}', close + 2);
  }
  if (textStart < text.length) cuts.push({ text: text.slice(textStart) });
  return cuts;
}

/** Every placeholder name in a text, in order, repeats included. */
export function placeholderNames(text: string): string[] {
  return cutAtPlaceholders(text, (name) => (PLACEHOLDER_NAME.test(name) ? name : undefined)).flatMap((cut) => ('item' in cut ? [cut.item] : []));
}

/**
 * Values by placeholder name. A name is whatever a runbook or template declares, `__proto__`,
 * `constructor` and `toString` included, so values live in objects with no prototype and are read
 * only from their own keys: a plain `{}` would answer `constructor` with a function and swallow `__proto__`.
 */
export type NamedValues = Readonly<Record<string, string>>;

/** A fresh map of values with no prototype, from name/value pairs (later pairs win). */
export function namedValues(entries: Iterable<readonly [string, string]> = []): Record<string, string> {
  const values = Object.create(null) as Record<string, string>;
  for (const [name, value] of entries) values[name] = value;
  return values;
}

/** The values with one more (or a changed) value: a new map, the old one untouched. */
export function withNamedValue(values: NamedValues, name: string, value: string): Record<string, string> {
  return namedValues([...Object.entries(values), [name, value]]);
}

/** The value given for a name, only if it was given: never one inherited from Object.prototype. */
export function ownValue(values: NamedValues | undefined, name: string): string | undefined {
  return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
}
