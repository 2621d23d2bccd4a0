import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readPlainFrontMatter } from '../../../shared/library/markdown/plain-front-matter';
import { DEFAULT_LIMITS } from '../../../shared/limits';

// The plain reader is a shortcut past `yaml`: whenever it answers, its answer must be the one
// `yaml` gives with the options splitFrontMatter uses, on any text.
const yamlReads = (text: string): unknown => {
  try {
    return parseYaml(text, { maxAliasCount: DEFAULT_LIMITS.maxYamlAliases, prettyErrors: false, uniqueKeys: false }) ?? {};
  } catch {
    return 'refused by yaml';
  }
};

function agreesWithYaml(text: string): void {
  const plain = readPlainFrontMatter(text);
  if (plain === undefined) return;
  // Entries, not the objects: toStrictEqual compares a `constructor` key as the objects' type.
  const read = yamlReads(text);
  expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
  expect(Object.entries(plain)).toStrictEqual(Object.entries(read as object));
}

const KEYS = ['title', 'type', 'tags', 'owner', 'a', 'last_reviewed', 'x-y', 'True', '__proto__', 'constructor', '1a', 'ké'];
// Pieces YAML reads in many ways: words, booleans, null, numbers, dates, quotes, escapes, comments,
// anchors, aliases, tags, flow lists and maps, block indicators, odd spaces and line ends.
const PIECES = [
  'Billing', 'postgres failover', 'team', 'it', "'s", ' ', '  ', '\t', ',', ', ', '[', ']', '{', '}', ':', ': ', '#', ' #', '-', '- ', '?', '!', '&', '*', '|', '>',
  "'", '"', '\\', '\\n', '@', '`', '%', '.', '/', '(', ')', '+', 'true', 'False', 'NULL', 'null', '~', 'yes', 'no', 'on', '.inf', '.nan', '0x1F', '0o7', '1', '1.5', '1e3', '-2',
  '2025-11-04', '2025-11-04T10:00:00Z', 'é', 'ß', '日本', '😀', '\u00a0', '\u0085', '\u2028', '\ufeff', '\u0000', '\r', '\n', '\r\n',
];

const piece = fc.constantFrom(...PIECES);
const value = fc.oneof(
  fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
  fc.array(fc.array(piece, { maxLength: 3 }).map((parts) => parts.join('')), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.string({ maxLength: 12 }),
);
const line = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), fc.constantFrom(': ', ':', ':  ', ' : ', ':\t'), value).map(([key, separator, text]) => `${key}${separator}${text}`);
const frontMatter = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n')).map(([lines, end]) => lines.join(end));

describe('front matter read without the YAML parser', () => {
  it('reads the usual runbook front matter itself, as yaml would', () => {
    const text = 'title: Billing postgres failover\ntype: incident-response\npriority: high\ntags: [billing, postgres, failover]\naliases: [BillingPostgresFailoverAlert]\nowner: Billing team\nlast_reviewed: 2025-11-04\nsummary: "Fail over: the primary is gone"\ntags_empty: []\n';
    const plain = readPlainFrontMatter(text);
    expect(plain).toStrictEqual({
      title: 'Billing postgres failover', type: 'incident-response', priority: 'high', tags: ['billing', 'postgres', 'failover'], aliases: ['BillingPostgresFailoverAlert'],
      owner: 'Billing team', last_reviewed: '2025-11-04', summary: 'Fail over: the primary is gone', tags_empty: [],
    });
    expect(plain).toStrictEqual(yamlReads(text));
  });

  it('leaves to yaml what it is not sure of: booleans, numbers, nesting, comments, repeated keys, escapes', () => {
    for (const text of ['enabled: true', 'version: 1.2', 'owner:\n  name: x', 'title: a # comment', 'title: a\ntitle: b', 'title: "a\\tb"', 'title: *ref', 'tags: [a, [b]]', 'notes: |\n  text', 'x: ~']) {
      expect(readPlainFrontMatter(text), text).toBeUndefined();
    }
  });

  it('answers as yaml does whenever it answers, on generated front matter', () => {
    fc.assert(fc.property(frontMatter, agreesWithYaml), { numRuns: 3000, seed: 17 });
  });

  it('answers as yaml does on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), agreesWithYaml), { numRuns: 2000, seed: 3 });
  });

  it('reads front matter at the size limit in a linear pass', () => {
    const lines = Array.from({ length: 800 }, (_, index) => `key${index}: ${'word '.repeat(3)}w`);
    const text = lines.join('\n').slice(0, DEFAULT_LIMITS.maxFrontMatterBytes);
    agreesWithYaml(text);
    for (const hostile of [`a: ${'['.repeat(DEFAULT_LIMITS.maxFrontMatterBytes - 3)}`, `a: [${'x,'.repeat(8000)}]`, `${'a'.repeat(DEFAULT_LIMITS.maxFrontMatterBytes - 3)}: b`, ': '.repeat(8000)]) {
      const started = performance.now();
      agreesWithYaml(hostile);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
