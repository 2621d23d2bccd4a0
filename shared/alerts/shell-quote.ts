// A label value on its way into a command is outside input: `api-7f9c` goes in as it is, anything
// a shell would read as more than letters (`$(…)`, backticks, `;`, spaces, quotes, `*`) goes in
// single-quoted, and what no quoting makes safe to paste (a newline runs a second command in a
// terminal; other control characters hide or move text) is refused.

/** The characters a POSIX shell takes literally in an unquoted word, anywhere in it. */
export function isPlainShellWord(value: string): boolean {
  if (!value) return false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!alnum && !PLAIN_PUNCTUATION.includes(value[index])) return false;
  }
  return true;
}
const PLAIN_PUNCTUATION = '._:/@%+=,-';

/** The value as one POSIX single-quoted word: nothing inside is special, and `'` is written `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Why a value may not go into a command at all, or undefined: a control character (newline,
 * carriage return, NUL, escape…), a line or paragraph separator, or a mark that reorders how
 * text is shown (so what is read on screen is not what runs).
 */
export function unpastableReason(value: string): string | undefined {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return 'it holds a line break, which would run what follows as a second command';
    if (code === 0) return 'it holds a NUL character';
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `it holds a control character (U+${hex(code)})`;
    if (code === 0x2028 || code === 0x2029) return 'it holds a line separator';
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f) {
      return `it holds an invisible mark that reorders text (U+${hex(code)}), so what shows is not what runs`;
    }
  }
  return undefined;
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
