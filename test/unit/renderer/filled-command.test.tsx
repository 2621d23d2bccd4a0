import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runbookParams } from '../../../shared/library/run-params';
import { FilledCommand } from '../../../renderer/ui/markdown/FilledCommand';

const command = 'git revert <commit-hash> && psql "$DATABASE_URL"';
const params = runbookParams({ extra: {}, commands: [command] });
const render = (values: Record<string, string>) => renderToStaticMarkup(<FilledCommand command={command} filling={{ params, values, onCopied: () => Promise.resolve(true) }} />);

describe('a run command with placeholders nobody declared', () => {
  it('shows an empty <name> as a gap written as in the runbook, and holds the copy back', () => {
    const html = render({});
    expect(html).toContain('<mark class="param-gap" title="commit-hash is empty: fill it in with P">&lt;commit-hash&gt;</mark>');
    expect(html).toContain('Fill in commit-hash');
    expect(html).not.toContain('copy-button');
  });

  it('shows an empty $NAME as written, marked, and copies once the gap is filled', () => {
    const html = render({ 'commit-hash': '4f2a9c1' });
    expect(html).toContain('<mark class="param-value" title="commit-hash">4f2a9c1</mark>');
    expect(html).toContain('<mark class="param-unfilled" title="DATABASE_URL is empty: copied as written (fill it in with P)">$DATABASE_URL</mark>');
    expect(html).toContain('copy-button');
  });
});
