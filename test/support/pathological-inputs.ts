import fc from 'fast-check';
import { DEFAULT_LIMITS } from '../../shared/limits';

// Hostile and pathological Markdown, up to the file size limit, for the property tests of
// everything that reads a library.

export const LIMIT = DEFAULT_LIMITS.maxFileBytes;
/** Markdown pieces that, repeated, trouble naive parsers. */
const ATOMS = ['~~~\n', '```\n', '[a](', '](', ' #', '*', '_', '<', '>', '- ', '  - x\n', '> ', '# h\n', '[', '](x', '`', '\n', '#', '!['];

/** One atom repeated, or several interleaved, to a length anywhere up to the file size limit. */
export const pathological = fc
  .tuple(fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: LIMIT }), fc.boolean())
  .map(([atoms, length, asOneLine]) => {
    const unit = atoms.join('');
    const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    return asOneLine ? text.replace(/\n/g, ' ') : text;
  });

/** Hand-picked worst cases the issue names, at full size. */
export const NAMED_CASES: Record<string, string> = {
  'unclosed ~~~ fences': '~~~\n'.repeat(LIMIT / 4),
  'a line of " #"': `#${' #'.repeat(LIMIT / 2 - 1)}x`,
  'repeated "[a]("': '[a]('.repeat(LIMIT / 4),
  'repeated "]("': ']('.repeat(LIMIT / 2),
  'a 500 KB single line': 'word '.repeat(LIMIT / 5 - 1),
  '50,000 headings': '# h\n'.repeat(50_000),
  'nested quotes': `${'>'.repeat(LIMIT - 10)} deep`,
  'nested lists': Array.from({ length: 700 }, (_, depth) => `${' '.repeat(depth * 2)}- x`).join('\n'),
  'stars and underscores': `${'*_'.repeat(LIMIT / 4)}a`,
  'angle brackets': '<'.repeat(LIMIT),
  'front matter only dashes': `---\n${'- - -\n'.repeat(2000)}---\n# T`,
};

