import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/library/front-matter';
import { plainText } from '../../../shared/library/markdown/plain-text';
import { parseRunbook } from '../../../shared/library/runbook-parser';
import { plainText as messagePlainText } from '../../../shared/comms/template-render';
import { snippetOf } from '../../../shared/search/snippet';
import { LIMIT, NAMED_CASES, pathological } from '../../support/pathological-inputs';

// Markdown becomes plain text in one place. What a responder reads there must be what the author
// wrote: a command such as `pg_isready` is searched for and typed, so a lost underscore misleads.

const runbook = (body: string) => {
  const split = splitFrontMatter(`---\ntitle: Check the database\n---\n${body}`);
  if (!split.ok) throw new Error(split.reason);
  return parseRunbook('database/check.md', split.data, split.body);
};

describe('plain text from Markdown', () => {
  it('keeps identifiers and code whole: snake_case, __init__, paths, a*b, code spans', () => {
    expect(plainText('Run `pg_isready` then pg_isready -h db_primary')).toBe('Run pg_isready then pg_isready -h db_primary');
    expect(plainText('Edit __init__.py and __main__ in /var/lib/pg_data/*.conf')).toBe('Edit __init__.py and __main__ in /var/lib/pg_data/*.conf');
    expect(plainText('Compute a*b and 2*3*4, or SELECT * FROM t')).toBe('Compute a*b and 2*3*4, or SELECT * FROM t');
    expect(plainText('`` a `tick` inside `` and `*not emphasis*`')).toBe('a `tick` inside and *not emphasis*');
  });

  it('drops emphasis, strikethrough and link marks, and reads escapes as the character', () => {
    expect(plainText('**Stop** the *old* primary, ~~not~~ _the whole cluster_')).toBe('Stop the old primary, not the whole cluster');
    expect(plainText('See [the status page](https://status.example.com) and ![a diagram](d.png)')).toBe('See the status page and a diagram');
    expect(plainText('A literal \\*star\\* and \\_underscores\\_ and C:\\\\temp')).toBe('A literal *star* and _underscores_ and C:\\temp');
    expect(plainText('A link in code: `[a](b)`')).toBe('A link in code: [a](b)');
    expect(plainText('  two\n  lines  ')).toBe('two lines');
  });

  it('keeps underscores in step titles, verification checks, summaries, search snippets and messages', () => {
    const parsed = runbook('Check with `pg_isready` and pg_ctl.\n\n## Steps\n\n1. Run pg_isready on db_primary\n\n## Verification\n\n- [ ] `pg_isready` says accepting\n- [ ] __init__ ran\n');
    expect(parsed.summary).toBe('Check with pg_isready and pg_ctl.');
    expect(parsed.steps.map((step) => step.title)).toEqual(['Run pg_isready on db_primary']);
    expect(parsed.verification).toEqual(['pg_isready says accepting', '__init__ ran']);
    expect(snippetOf('Intro.\n- restore from `backup_2026_11.sql.gz`', ['backup'])).toBe('restore from backup_2026_11.sql.gz');
    expect(messagePlainText('**Down:** check `pg_isready`')).toBe('Down: check pg_isready');
  });

  it('keeps any identifier between words as typed', () => {
    const part = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    const identifier = fc.tuple(part, fc.array(fc.tuple(fc.constantFrom('_', '__', '*', '.', '/', '-'), part), { maxLength: 4 })).map(([first, rest]) => first + rest.map(([mark, word]) => mark + word).join(''));
    const dunder = part.map((word) => `__${word}__`);
    fc.assert(
      fc.property(fc.array(fc.oneof(identifier, dunder), { minLength: 1, maxLength: 8 }), (words) => {
        expect(plainText(words.join(' '))).toBe(words.join(' '));
        expect(plainText(`\`${words.join(' ')}\``)).toBe(words.join(' '));
      }),
      { seed: 16 },
    );
  });

  it('turns any pathological text up to the size limit into plain text in one pass', () => {
    const cases = { ...NAMED_CASES, 'backtick runs of every length': Array.from({ length: 700 }, (_, length) => '`'.repeat(length + 1)).join(' x '), 'unclosed underscores': '_a '.repeat(LIMIT / 3), 'escapes': '\\*'.repeat(LIMIT / 2) };
    for (const text of Object.values(cases)) {
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      expect(typeof plainText(text)).toBe('string');
      expect(typeof plainText(text, { keepLines: true, linkTargets: true })).toBe('string');
    }
    fc.assert(
      fc.property(pathological, (text) => {
        plainText(text);
        plainText(text, { keepLines: true, linkTargets: true });
      }),
      { numRuns: 25, seed: 16 },
    );
  });
});
