import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { offlineHtml, offlinePolicy, OFFLINE_SCRIPT, OFFLINE_STYLE } from '../../../shared/offline/offline-page';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

describe('the offline copy page', () => {
  const hostile = '</script><script>fetch("https://evil.example")</script><img src=x onerror=alert(1)>';
  const html = offlineHtml(
    { banner: 'exported', docs: [{ key: 'runbook/x', title: hostile, kind: 'Incident response', words: hostile, html: '<p>body</p>' }] },
    { script: sha(OFFLINE_SCRIPT), style: sha(OFFLINE_STYLE) },
  );

  it('carries a policy that forbids every request and allows only its own script and style, by hash', () => {
    expect(html).toContain(`content="${offlinePolicy(sha(OFFLINE_SCRIPT), sha(OFFLINE_STYLE))}"`);
    for (const directive of ["default-src 'none'", "connect-src 'none'", "img-src 'none'", "form-action 'none'", "base-uri 'none'"]) expect(html).toContain(directive);
    expect(html).toContain(`<script>${OFFLINE_SCRIPT}</script>`);
    expect(html).toContain(`<style>${OFFLINE_STYLE}</style>`);
  });

  it('keeps hostile titles as text: escaped in the page, and no closing script tag in the data', () => {
    const data = html.slice(html.indexOf('<script type="application/json" id="data">'), html.indexOf('</script>', html.indexOf('id="data"')));
    expect(data).not.toContain('</script');
    expect(data).not.toContain('<img');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;fetch(');
    expect(html.match(/<script/g)).toHaveLength(2);
  });
});
