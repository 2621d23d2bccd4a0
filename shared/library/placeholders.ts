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
