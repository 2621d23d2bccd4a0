import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offlineHtml, offlinePolicy, OFFLINE_IDS, OFFLINE_STYLE } from '../../../shared/offline/offline-page';
import { offlineSearchData } from '../../../shared/offline/offline-search';
import { buildSearchIndex } from '../../../shared/search/search-engine';
import { parseRunbook } from '../../../shared/library/runbook-parser';
import { scriptText } from '../../support/offline-copy';
import { pathological } from '../../support/pathological-inputs';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

describe('the offline copy page', () => {
  const hostile = '</script><script>fetch("https://evil.example")</script><img src=x onerror=alert(1)><!--';
  const runbook = parseRunbook('runbooks/x/hostile.md', { title: hostile, type: 'incident-response' }, `# ${hostile}\n\n${hostile}\n`);
  const index = buildSearchIndex('v1', [runbook]);
  const script = 'document.documentElement.dataset.ready = "true";';
  const html = offlineHtml(
    { banner: 'exported', docs: [{ key: 'runbook/x', title: hostile, kind: 'Incident response', html: '<p>body</p>' }], search: offlineSearchData(index, [runbook], [], [], {}) },
    script,
    { script: sha(script), style: sha(OFFLINE_STYLE) },
  );

  it('carries a policy that forbids every request and allows only its own script and style, by hash', () => {
    expect(html).toContain(`content="${offlinePolicy(sha(script), sha(OFFLINE_STYLE))}"`);
    for (const directive of ["default-src 'none'", "connect-src 'none'", "img-src 'none'", "form-action 'none'", "base-uri 'none'"]) expect(html).toContain(directive);
    expect(html).toContain(`<script>${script}</script>`);
    expect(html).toContain(`<style>${OFFLINE_STYLE}</style>`);
  });

  it('keeps hostile titles and bodies as text: escaped in the page, and no tag or comment opened inside the search data', () => {
    for (const id of [OFFLINE_IDS.index, OFFLINE_IDS.data]) {
      const data = scriptText(html, id);
      expect(data).not.toContain('<');
    }
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;fetch(');
    // The two data elements and the one script: nothing else became a script.
    expect(html.match(/<script/g)).toHaveLength(3);
  });

  it('gives the search data back whole: the hostile body is there, word for word, once parsed', () => {
    const data = JSON.parse(scriptText(html, OFFLINE_IDS.data));
    expect(data.bodies[runbook.id]).toBe(runbook.body);
    expect(JSON.parse(scriptText(html, OFFLINE_IDS.index))).toEqual(index);
  });

  it('keeps any text a library holds, pathological ones up to the size limit, as data that reads back whole', () => {
    const tricky = fc.oneof(fc.string({ unit: fc.constantFrom('<', '/', '!', '-', 's', 'c', 'r', 'i', 'p', 't', '>', '"', '\\', '\u2028', 'é', ' ') }), pathological);
    fc.assert(
      fc.property(tricky, (text) => {
        const hostileRunbook = parseRunbook('runbooks/x/any.md', { title: text.slice(0, 200) || 'x', type: 'incident-response' }, `# t\n\n${text}\n`);
        const page = offlineHtml({ banner: '', docs: [], search: offlineSearchData(buildSearchIndex('v', [hostileRunbook]), [hostileRunbook], [], [], {}) }, script, { script: '', style: '' });
        const data = scriptText(page, OFFLINE_IDS.data);
        expect(data).not.toContain('<');
        expect(JSON.parse(data).bodies[hostileRunbook.id]).toBe(hostileRunbook.body);
      }),
      { numRuns: 30, seed: 17 },
    );
  });
});
