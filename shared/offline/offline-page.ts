// The offline copy: the whole library as one HTML file that opens in any browser with no network.
// A Content-Security-Policy in the file itself forbids every request; its one script and one style
// are allowed by their hashes. Markdown is rendered by the app with the app's own rules (no raw
// HTML, only http(s), mailto and tel links), before it gets here. The script is the app's search
// engine and the copy's router, bundled at build time (renderer/features/health/offline-copy-script.ts).
import type { SerializedSearchIndex } from '../search/search-engine';
import type { OfflineSearchData } from './offline-search';

export interface OfflineDoc {
  /** `runbook/<id>`, `note/<id>`, or a page of its own (`severity`, `oncall`, `templates`). */
  key: string;
  title: string;
  kind: string;
  html: string;
}

export interface OfflinePage {
  banner: string;
  docs: OfflineDoc[];
  /** The index the app searches and the rest of what search needs. */
  search: { index: SerializedSearchIndex; data: OfflineSearchData };
}

/** The ids of the copy's elements its script reads. */
export const OFFLINE_IDS = { index: 'search-index', data: 'search-data', query: 'q', results: 'results' } as const;

export const OFFLINE_STYLE = `
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
header.banner{position:sticky;top:0;background:#f4f5f7;border-bottom:1px solid #d5d9e0;padding:.5rem 1rem;font-size:.85rem}
header.banner input{width:min(36rem,90%);font:inherit;font-size:1rem;padding:.35rem;margin-top:.35rem;border:1px solid #d5d9e0;border-radius:4px}
header.banner .keys{margin:.2rem 0 0;color:#5b6472}kbd{font:inherit;font-size:.8rem;border:1px solid #c4c9d2;border-radius:3px;padding:0 .3rem;background:#fff}
#results{list-style:none;margin:.25rem 0 0;padding:0;max-height:40vh;overflow:auto;max-width:48rem}#results[hidden]{display:none}
#results a{display:block;padding:.3rem .5rem;text-decoration:none;border-radius:4px;color:inherit}
#results a:hover,#results a:focus{background:#dde8fb;outline:2px solid #0b5cd5;outline-offset:-2px}
#results .title{font-weight:600;color:#0b4fb8}#results .kind{color:#5b6472;font-size:.8rem;margin-left:.5rem}
#results .snippet{display:block;color:#3d4450;font-size:.85rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#results .group{color:#5b6472;font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;margin:.4rem .5rem .1rem}
#results .empty{padding:.3rem .5rem;color:#5b6472}
mark{background:#ffe58a;color:inherit;border-radius:2px}
article.doc :is(h1,h2,h3,h4,h5,h6){scroll-margin-top:7rem}article.doc [tabindex="-1"]:focus{outline:none}.section-shown{background:#fff3bf;outline:none}
.layout{display:grid;grid-template-columns:16rem minmax(0,1fr);gap:1.5rem;padding:1rem}
nav.index{font-size:.85rem}nav.index ul{list-style:none;padding:0;margin:0 0 .75rem}nav.index h2{font-size:.9rem;margin:.5rem 0 .25rem}
article.doc{max-width:60rem}article.doc[hidden]{display:none}
pre{background:#f0f2f5;border:1px solid #d5d9e0;border-radius:4px;padding:.5rem .75rem;overflow-x:auto}
.code-block{position:relative}.copy-button{position:absolute;right:.3rem;top:.3rem;font-size:.75rem}
table{border-collapse:collapse}th,td{border:1px solid #d5d9e0;padding:.2rem .45rem;text-align:left;vertical-align:top}
.blocked-link{text-decoration:underline dotted;color:#5b6472}.note{border-left:4px solid #0b5cd5;padding-left:.75rem;margin:.75rem 0}
.age-amber{color:#8a5a00;font-weight:600}.age-red{color:#b3261e;font-weight:700}
@media (prefers-color-scheme:dark){body{background:#15181d;color:#e6e8eb}header.banner{background:#1e2228;border-color:#343a44}header.banner input{background:#15181d;color:#e6e8eb;border-color:#4a515c}kbd{background:#15181d;border-color:#4a515c}pre{background:#0f1216;border-color:#343a44}a{color:#6ea8ff}th,td{border-color:#343a44}#results a:hover,#results a:focus{background:#23324a;outline-color:#6ea8ff}#results .title{color:#8ab8ff}#results .snippet{color:#c3c8d0}header.banner .keys,#results .kind,#results .group,#results .empty,.blocked-link{color:#a3abb7}mark{background:#6b5400;color:#fff}.section-shown{background:#3d3510}}
@media print{header.banner,nav.index{display:none}.layout{display:block}article.doc[hidden]{display:block}.copy-button{display:none}}
`;

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The policy the file carries: nothing may be fetched, framed or sent; only its own script and style run. */
export function offlinePolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    `style-src 'sha256-${styleHash}'`,
    "img-src 'none'",
    "connect-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** JSON that stays data inside a `<script>` element: every `<` escaped, so no `</script>` or `<!--` in it ends or changes the element. */
const scriptSafe = (json: string) => json.replace(/</g, '\\u003c');

/** The whole file. `script` is the bundled offline script; the hashes are of it and OFFLINE_STYLE as written (SHA-256, base64). */
export function offlineHtml(page: OfflinePage, script: string, hashes: { script: string; style: string }): string {
  const groups = new Map<string, OfflineDoc[]>();
  for (const doc of page.docs) groups.set(doc.kind, [...(groups.get(doc.kind) ?? []), doc]);
  const index = [...groups.entries()]
    .map(([kind, docs]) => `<h2>${escapeHtml(kind)}</h2><ul>${docs.map((doc) => `<li><a href="#/${escapeHtml(doc.key)}">${escapeHtml(doc.title)}</a></li>`).join('')}</ul>`)
    .join('');
  const articles = page.docs.map((doc) => `<article class="doc" id="${escapeHtml(doc.key)}" hidden><h1>${escapeHtml(doc.title)}</h1>${doc.html}</article>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${offlinePolicy(hashes.script, hashes.style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Failsafe: offline copy of the library</title>
<style>${OFFLINE_STYLE}</style>
</head><body>
<header class="banner">${page.banner}<br><input id="${OFFLINE_IDS.query}" type="search" placeholder="Search runbooks, notes, pages… (typos are forgiven)" aria-label="Search the offline copy" aria-controls="${OFFLINE_IDS.results}" autocomplete="off" autofocus>
<p class="keys"><kbd>/</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open · <kbd>Esc</kbd> clear</p><ul id="${OFFLINE_IDS.results}" aria-label="Results" hidden></ul></header>
<div class="layout"><nav class="index" aria-label="Everything in this copy">${index}</nav>
<main>
<article class="doc" id="home"><h1>Offline copy of the runbook library</h1><p>Search above, or pick from the list. Everything is in this one file: it makes no request of any kind.</p></article>
${articles}
</main></div>
<script type="application/json" id="${OFFLINE_IDS.index}">${scriptSafe(JSON.stringify(page.search.index))}</script>
<script type="application/json" id="${OFFLINE_IDS.data}">${scriptSafe(JSON.stringify(page.search.data))}</script>
<script>${script}</script>
</body></html>
`;
}
