import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../renderer/ui/markdown/MarkdownView';
import { LIMIT, pathological } from '../../support/pathological-inputs';

// What a screen reader hears of a runbook's checklists: each checkbox says which task it is.

const render = (markdown: string) => renderToStaticMarkup(<MarkdownView markdown={markdown} fromPath="incident-response/db.md" />);
const checkboxes = (html: string) => [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)].map((match) => match[0]);
const nameOf = (input: string) => /aria-label="([^"]*)"/.exec(input)?.[1];

describe('task lists in a runbook', () => {
  it('name each checkbox by its task’s own text, not by the tasks nested under it', () => {
    const html = render('## Verification\n- [ ] `patronictl list` shows one **Leader**\n- [x] API error rate back under 1%\n  - [ ] checked on the dashboard\n');
    expect(checkboxes(html).map(nameOf)).toEqual(['patronictl list shows one Leader', 'API error rate back under 1%', 'checked on the dashboard']);
  });

  it('name the checkboxes of a loose list, where each task is a paragraph', () => {
    const html = render('- [ ] Replication lag under 10 MB\n\n- [ ] `pg_isready` answers\n');
    expect(checkboxes(html).map(nameOf)).toEqual(['Replication lag under 10 MB', 'pg_isready answers']);
  });

  it('leave no checkbox without a name, whatever the task text', () => {
    const task = fc.stringMatching(/^[a-zA-Z0-9 `*_[\]().:<>&"'-]{1,300}$/).filter((text) => /[a-zA-Z0-9]/.test(text));
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 40 }), (tasks) => {
        const html = render(tasks.map((text) => `- [ ] ${text}`).join('\n'));
        for (const input of checkboxes(html)) expect(nameOf(input)?.trim(), input).toBeTruthy();
      }),
      { numRuns: 60 },
    );
  });

  it('name a task of any size briefly, and survive tasks nested far beyond any real runbook', () => {
    const huge = render(`- [ ] ${'word '.repeat(LIMIT / 5 - 2)}`);
    for (const input of checkboxes(huge)) expect(nameOf(input)?.length).toBeLessThanOrEqual(200);
    const nested = render(Array.from({ length: 700 }, (_, depth) => `${' '.repeat(depth * 2)}- [ ] task ${depth}`).join('\n'));
    for (const input of checkboxes(nested)) expect(nameOf(input)).toMatch(/^task \d+$/);
    fc.assert(fc.property(pathological, (text) => void render(`- [ ] ${text}`)), { numRuns: 10, seed: 7 });
  });
});
