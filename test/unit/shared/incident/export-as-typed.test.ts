import fc from 'fast-check';
import { micromark } from 'micromark';
import { sanitizeUri } from 'micromark-util-sanitize-uri';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { exportIncidentMarkdown, type ExportContext } from '../../../../shared/incident/incident-export';
import { TestRecord, testRunbook } from '../../../support/incident-record';

// The export is read in a Markdown viewer, often one that shows HTML. What responders typed must
// show there as typed: a `<script>` is words, a `|` stays in its cell, a backslash stays a backslash,
// and no star or underscore of theirs turns into emphasis. And a step that failed and was then done
// is still a deviation, every outcome in order.

const context: ExportContext = { appVersion: '0.1.0 (desktop)', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() };

/** Rendered as a CommonMark + GFM viewer that lets HTML through would show it. */
const render = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

/** The words a reader sees: tags dropped (an autolink's text stays), entities read, blanks as single spaces. */
function visibleText(html: string): string {
  const words = html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name] ?? entity,
    );
  return words.replace(/\s+/g, ' ');
}
const asWords = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Links whose target is not their own text: GFM's autolinks of a URL, `www.…` or an e-mail address
 * point where their text says (as the renderer writes it in the attribute, `sanitizeUri`); anything else
 * (a `[text](elsewhere)`) is listed.
 */
function linksElsewhere(html: string): string[] {
  const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)].flatMap(([whole, attributes, inner]) => {
    const href = /^ href="([^"]*)"$/.exec(attributes)?.[1];
    if (href === undefined || /</.test(inner)) return [whole];
    const text = decode(inner);
    const own = [text, `http://${text}`, `mailto:${text}`].map((target) => sanitizeUri(target));
    return own.includes(href) ? [] : [whole];
  });
}

/** What people type in a hurry, and what a hostile file might hold. */
const typed = fc
  .array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('<script>alert(1)</script>', '<b>', '\\', '\\\\', '\\*', '*', '**', '_', '__init__', 'pg_isready', '[x]', '[a](http://e.example)', '[P0]', '[', ']', ']:', '][', '](', '[^1]', ': http://e.example', 'https://wiki.example.com/runbooks/pg', 'www.example.com', 'http://x.example/a_b', ' (was ~4000)', ' ', 'x~y', '(', ')', '#', '# ', '|', '`', '``', '~', '~~', '&amp;', '&lt;', '&#65;', '\n', '- ', '1. ', '> ', '!', 'C:\\temp\\new', '日本語', '💳', 'é')), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

function recordOf(words: { title: string; note: string; followUp: string; runbook: string; value: string; runNote: string; failed: string; skipped: string; responder: string }) {
  const record = new TestRecord()
    .add({ type: 'incident-declared', title: words.title, severity: 'SEV1' })
    .add({ type: 'incident-note', noteId: 'n1', text: words.note, followUp: false })
    .add({ type: 'incident-note', noteId: 'n2', text: words.followUp, followUp: true })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook({ title: words.runbook }) }, { type: 'step-started', runId: 'run-1', step: 0 })
    .add({ type: 'param-set', runId: 'run-1', name: 'service', value: words.value })
    .add({ type: 'run-note', runId: 'run-1', step: 0, text: words.runNote })
    .add({ type: 'step-failed', runId: 'run-1', step: 0, note: words.failed })
    .add({ type: 'step-reopened', runId: 'run-1', step: 0 })
    .add({ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 })
    .add({ type: 'step-skipped', runId: 'run-1', step: 1, reason: words.skipped });
  return exportIncidentMarkdown(record.current, record.events, { ...context, responder: words.responder });
}

describe('the export renders every text as typed', () => {
  it('keeps a failure that was reopened and then done among the deviations, each outcome in order', () => {
    const markdown = recordOf({ title: 'API down', note: 'n', followUp: 'f', runbook: 'Restart the API', value: 'checkout', runNote: 'r', failed: 'kubectl: forbidden', skipped: 'not needed', responder: 'Ada' });
    expect(markdown).toContain('- “Restart the API”, step 1 “Check the pods”: failed: kubectl: forbidden; then reopened; then done');
    expect(markdown).toContain('- “Restart the API”, step 2 “Restart”: skipped: not needed');
    // The failure says it is one, and the note beside it says it is a note.
    expect(markdown).toMatch(/\| 1 \| Check the pods \| failed, then reopened, then done \| [^|]* \| failed: kubectl: forbidden · note: r \|/);
  });

  it('shows <script>, backslashes, Markdown marks and table pipes as typed', () => {
    const words = { title: '<script>alert(1)</script> *not bold*', note: 'C:\\temp\\new and a\\*b', followUp: '[link](http://e.example) | # not a heading', runbook: 'Run `this` | that', value: 'a|b`c', runNote: '__init__ & pg_isready', failed: 'ends with a backslash \\', skipped: '~~kept~~ <b>x</b>', responder: 'O\'Brien_<i>' };
    const html = render(recordOf(words));
    expect(html).not.toMatch(/<script|<b>|<i>|<em>|<strong>|<del>|<a href="http:\/\/e.example">link/);
    const seen = visibleText(html);
    for (const text of Object.values(words)) expect(seen).toContain(asWords(text));
  });

  it('for any titles, notes, reasons and values, a CommonMark + GFM viewer shows the words typed', () => {
    fc.assert(
      fc.property(fc.record({ title: typed, note: typed, followUp: typed, runbook: typed, value: typed, runNote: typed, failed: typed, skipped: typed, responder: typed }), (words) => {
        const html = render(recordOf(words));
        // Nothing typed becomes a link to elsewhere, an image, emphasis or struck-through text (the
        // words would still show). An address typed (a URL, an e-mail) may be a link to itself.
        expect(html).not.toMatch(/<img |<em>|<strong>|<del>|<sup>/);
        expect(linksElsewhere(html)).toEqual([]);
        const seen = visibleText(html);
        for (const text of Object.values(words)) expect(seen).toContain(asWords(text));
      }),
      { seed: 16, numRuns: Number(process.env.FAILSAFE_PROPERTY_RUNS ?? 120) },
    );
  });
});
