import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../renderer/ui/markdown/MarkdownView';
import { paletteShortcutLabel } from '../../../renderer/ui/shortcut-label';

const render = (markdown: string) => renderToStaticMarkup(<MarkdownView markdown={markdown} fromPath="incident-response/db.md" />);

describe('MarkdownView', () => {
  it('renders a javascript: link without an href', () => {
    const html = render('[click me](javascript:alert(1)) and [sneaky](java%0ascript:alert(1))');
    expect(html).toContain('click me');
    expect(html).not.toMatch(/href="[^"]*script/i);
    expect(html).toMatch(/<span class="blocked-link"[^>]*>click me<\/span>/);
  });

  it('shows raw HTML as text instead of rendering it', () => {
    const html = render('<img src=x onerror="alert(1)">\n\n<iframe src="https://evil.example.com"></iframe>\n\ninline <b onclick="x()">bold</b>');
    expect(html).not.toMatch(/<img|<iframe|<b /);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('&lt;iframe src=&quot;https://evil.example.com&quot;&gt;&lt;/iframe&gt;');
  });

  it('opens web, mail and phone links outside, and turns relative runbook links into app routes', () => {
    const html = render('[status](https://status.example.com) [mail](mailto:a@example.com) [call](tel:+15550100) [restore](../backup/restore.md)');
    expect(html).toContain('href="https://status.example.com" target="_blank" rel="noopener noreferrer"');
    expect(html).toContain('href="mailto:a@example.com"');
    expect(html).toContain('href="tel:+15550100"');
    expect(html).toContain('href="#/runbook/backup/restore"');
  });

  it('gives every code block a copy button and renders GFM tables and task lists', () => {
    const html = render('```bash\npatronictl list\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] check');
    expect(html).toMatch(/<pre><code class="language-bash">patronictl list\n<\/code><\/pre><button[^>]*class="copy-button"/);
    expect(html).toContain('<table>');
    expect(html).toContain('type="checkbox"');
  });

  it('links to other runbooks by file, by folder and by section, and gives headings prefixed anchors', () => {
    const html = renderToStaticMarkup(
      <MarkdownView
        markdown={'## Fail over the primary!\n\n## Fail over the primary!\n\n## failsafe\n\n[a](../service/alerts.md) [b](restore.md#verify-the-restore) [c](../cache/) [d](#fail-over-the-primary) [e](script.sh)'}
        fromPath="incident-response/db.md"
        runbookId="incident-response/db"
      />,
    );
    expect(html).toContain('<h2 id="section-fail-over-the-primary">');
    expect(html).toContain('<h2 id="section-fail-over-the-primary-1">');
    expect(html).toContain('<h2 id="section-failsafe">');
    expect(html).toContain('href="#/runbook/service/alerts"');
    expect(html).toContain('href="#/runbook/incident-response/restore?section=verify-the-restore"');
    expect(html).toContain('href="#/runbook/cache"');
    expect(html).toContain('href="#/runbook/incident-response/db?section=fail-over-the-primary"');
    expect(html).toMatch(/<span class="blocked-link"[^>]*>e<\/span>/);
  });

  it('does not load images', () => {
    expect(render('![diagram](https://tracker.example.com/pixel.png)')).toBe('<div class="markdown"><p><span class="image-placeholder">[image: diagram]</span></p></div>');
  });
});

describe('paletteShortcutLabel', () => {
  it('says ⌘K on macOS and Ctrl K elsewhere', () => {
    expect(paletteShortcutLabel('MacIntel')).toBe('⌘K');
    expect(paletteShortcutLabel('Win32')).toBe('Ctrl K');
    expect(paletteShortcutLabel('Linux x86_64')).toBe('Ctrl K');
  });
});
