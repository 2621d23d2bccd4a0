import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/library/front-matter';

describe('splitFrontMatter', () => {
  it('reads YAML front matter and returns the body after it', () => {
    const result = splitFrontMatter('---\ntitle: Restore\ntags: [db, backup]\n---\n# Body\n');
    expect(result).toEqual({ ok: true, data: { title: 'Restore', tags: ['db', 'backup'] }, body: '# Body\n' });
  });

  it('treats a file without front matter as all body', () => {
    expect(splitFrontMatter('# Title\ntext')).toEqual({ ok: true, data: {}, body: '# Title\ntext' });
  });

  it('refuses a ---js block without running it', () => {
    const marker = '__failsafe_front_matter_ran__';
    const text = `---js\n{ title: (globalThis["${marker}"] = true, "pwned") }\n---\nbody`;
    const result = splitFrontMatter(text);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/only YAML/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('fails fast on a YAML alias bomb', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n');
    const started = performance.now();
    const result = splitFrontMatter(`---\n${bomb}\n---\nbody`);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/alias/i);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `x: ${'['.repeat(30)}1${']'.repeat(30)}`;
    const result = splitFrontMatter(`---\n${deep}\n---\n`);
    expect(result.ok === false && result.reason).toMatch(/nested deeper/);
  });

  it('refuses oversized front matter, unterminated blocks, non-mappings and broken YAML with a reason', () => {
    expect(splitFrontMatter(`---\nx: "${'a'.repeat(20_000)}"\n---\n`)).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
    expect(splitFrontMatter('---\ntitle: x\n# no end')).toMatchObject({ ok: false, reason: expect.stringMatching(/never ends/) });
    expect(splitFrontMatter('---\n- a\n- b\n---\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/mapping/) });
    expect(splitFrontMatter('---\ntitle: [unclosed\n---\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid YAML/) });
  });
});
