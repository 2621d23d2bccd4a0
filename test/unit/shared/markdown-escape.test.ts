import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../shared/library/markdown/markdown-escape';

const rendered = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

// The raw export is pasted where Markdown is not rendered: a backslash that changes nothing on the
// rendered page is noise in a responder's words there. The property test of the export
// (incident/export-as-typed.test.ts) holds that whatever is typed still renders as typed.
describe('escapeMarkdown', () => {
  it('leaves marks that mean nothing where they stand as typed', () => {
    for (const typed of ['p99 -> 2s', 'ssh & check', 'ticket #3', 'it works!', 'node 2] restarted', 'a > b', 'R&D', '&nbsp without a semicolon', '[P0] Investigating: Checkout', 'see [runbook 4] first', 'ERROR count 2 (was ~4000)', 'runbook_url: https://wiki.example.com/runbooks/pg_down', 'dashboards at www.example.com/d/api']) {
      expect(escapeMarkdown(typed)).toBe(typed);
    }
  });

  it('escapes what would change the page: a heading or quote at the start, a character reference, emphasis, code, HTML, links, table pipes', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('&amp; and &#65;')).toBe('\\&amp; and \\&#65;');
    // A tilde after a letter could close a strikethrough begun in another text on the line; a URL
    // holding something escaped would take the backslash into its link, so it is not one.
    expect(escapeMarkdown('x~y and ~~gone~~')).toBe('x\\~y and ~\\~gone\\~\\~');
    expect(escapeMarkdown('see https://e.example/a*b')).toBe('see https\\://e.example/a\\*b');
    expect(escapeMarkdown('*spiking* on <pod-7f9c> [x](y) a|b `c`')).toBe('\\*spiking\\* on \\<pod-7f9c> [x\\](y) a\\|b \\`c\\`');
  });

  it('renders every one of them as typed', () => {
    for (const typed of ['p99 -> 2s', '# not a heading', '> not a quote', '&amp; R&D', 'see ![x](y) and [a] b]', '<pod-7f9c> & <b>bold</b>', '[P0] down', '[a][b] and [c]: http://e.example', 'x~y and ~~gone~~ (was ~4000)', 'see https://e.example/a*b']) {
      const html = rendered(escapeMarkdown(typed));
      const shown = html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
      expect(shown, typed).toBe(typed);
    }
  });
});
