import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../renderer/ui/markdown/MarkdownView';
import { MAX_RENDERED_CHARS } from '../../../renderer/ui/markdown/render-limits';
import { ScreenBoundary } from '../../../renderer/app/ScreenBoundary';
import { NAMED_CASES, pathological } from '../../support/pathological-inputs';

const render = (markdown: string) => renderToStaticMarkup(<MarkdownView markdown={markdown} fromPath="incident-response/db.md" />);

// The renderer gets the same hostile inputs as the parser. micromark is not linear on all of them,
// so MarkdownView renders in pieces and shows what is past its limits as plain text: every input
// renders, whole, and none overflows the stack.
describe('rendering pathological runbooks', () => {
  for (const [name, text] of Object.entries(NAMED_CASES)) {
    it(`renders ${name} without losing text`, () => {
      const html = render(text);
      expect(html.length).toBeGreaterThan(0);
    });
  }

  it('renders any repetition of troublesome Markdown up to the size limit', () => {
    fc.assert(fc.property(pathological, (text) => void render(text)), { numRuns: 15, seed: 5 });
  });

  it('shows quotes nested beyond the limit as plain text with the reason, and renders the rest', () => {
    const html = render(`${'>'.repeat(5000)} deep\n\n## Steps\n\n1. Page the lead.`);
    expect(html).toContain('nests Markdown marks beyond what Failsafe renders');
    expect(html).toContain(`${'&gt;'.repeat(50)}`);
    expect(html).toContain('<h2 id="section-steps">Steps</h2>');
    expect(html).toContain('<li>Page the lead.</li>');
  });

  it('renders an ordinary long runbook up to the limit and shows the rest as plain text', () => {
    const paragraph = 'Check replica lag with `pg_stat_replication` before you promote.\n\n';
    const html = render(paragraph.repeat(Math.ceil((MAX_RENDERED_CHARS * 1.5) / paragraph.length)));
    expect(html).toContain('<code>pg_stat_replication</code>');
    expect(html).toContain('the rest is shown as plain text');
    expect(html).toContain('Check replica lag with `pg_stat_replication`');
  });

  it('keeps nested lists of ordinary depth as lists', () => {
    const html = render(Array.from({ length: 6 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'));
    expect(html.match(/<ul>/g)).toHaveLength(6);
  });
});

describe('ScreenBoundary', () => {
  it('shows what cannot be shown, and why, in place of a screen that failed', () => {
    const boundary = new ScreenBoundary({ what: 'This runbook', children: <p>never</p> });
    boundary.state = ScreenBoundary.getDerivedStateFromError(new RangeError('Maximum call stack size exceeded'));
    const html = renderToStaticMarkup(<>{boundary.render()}</>);
    expect(html).toContain('This runbook cannot be shown');
    expect(html).toContain('Maximum call stack size exceeded');
    expect(html).toContain('href="#/"');
  });
});
