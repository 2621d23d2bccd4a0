// The offline copy: the whole library as one HTML file that opens in any browser with no network.
// A Content-Security-Policy in the file itself forbids every request; its one script and one style
// are allowed by their hashes. Markdown is rendered by the app with the app's own rules (no raw
// HTML, only http(s), mailto and tel links), before it gets here.

export interface OfflineDoc {
  /** `runbook/<id>`, `note/<id>`, or a page of its own (`severity`, `oncall`, `templates`). */
  key: string;
  title: string;
  kind: string;
  /** Words search looks at, beyond the title. */
  words: string;
  html: string;
}

export interface OfflinePage {
  banner: string;
  docs: OfflineDoc[];
}

export const OFFLINE_STYLE = `
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
header.banner{position:sticky;top:0;background:#f4f5f7;border-bottom:1px solid #d5d9e0;padding:.5rem 1rem;font-size:.85rem}
header.banner input{width:min(36rem,90%);font:inherit;font-size:1rem;padding:.35rem;margin-top:.35rem;border:1px solid #d5d9e0;border-radius:4px}
#results{list-style:none;margin:.25rem 0 0;padding:0;max-height:40vh;overflow:auto}
#results a{display:block;padding:.2rem .4rem;text-decoration:none}
#results .kind{color:#5b6472;font-size:.8rem;margin-left:.4rem}
.layout{display:grid;grid-template-columns:16rem minmax(0,1fr);gap:1.5rem;padding:1rem}
nav.index{font-size:.85rem}nav.index ul{list-style:none;padding:0;margin:0 0 .75rem}nav.index h2{font-size:.9rem;margin:.5rem 0 .25rem}
article.doc{max-width:60rem}article.doc[hidden]{display:none}
pre{background:#f0f2f5;border:1px solid #d5d9e0;border-radius:4px;padding:.5rem .75rem;overflow-x:auto}
.code-block{position:relative}.copy-button{position:absolute;right:.3rem;top:.3rem;font-size:.75rem}
table{border-collapse:collapse}th,td{border:1px solid #d5d9e0;padding:.2rem .45rem;text-align:left;vertical-align:top}
.blocked-link{text-decoration:underline dotted;color:#5b6472}.note{border-left:4px solid #0b5cd5;padding-left:.75rem;margin:.75rem 0}
.age-amber{color:#8a5a00;font-weight:600}.age-red{color:#b3261e;font-weight:700}
@media (prefers-color-scheme:dark){body{background:#15181d;color:#e6e8eb}header.banner{background:#1e2228;border-color:#343a44}pre{background:#0f1216;border-color:#343a44}a{color:#6ea8ff}th,td{border-color:#343a44}}
@media print{header.banner,nav.index{display:none}.layout{display:block}article.doc[hidden]{display:block}.copy-button{display:none}}
`;

/**
 * Search that forgives typos: every word typed must match a word of the title (worth most), or of
 * the rest, exactly, as a prefix, or within one edit (two for long words). Then a tiny hash router
 * shows one document at a time, and Copy buttons copy their command.
 */
export const OFFLINE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var docs = data.map(function (d) { return { key: d.key, title: d.title, kind: d.kind, t: words(d.title), w: words(d.words) }; });
  function words(text) { return (text.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) || []); }
  function close(a, b) {
    if (a === b) return 3;
    if (b.length > a.length && b.slice(0, a.length) === a && a.length > 2) return 2;
    var limit = a.length >= 8 ? 2 : a.length >= 4 ? 1 : 0;
    if (!limit || Math.abs(a.length - b.length) > limit) return 0;
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < best) best = cur[j];
      }
      if (best > limit) return 0;
      prev = cur;
    }
    return prev[b.length] <= limit ? 1 : 0;
  }
  function best(word, list) { var top = 0; for (var i = 0; i < list.length && top < 3; i++) { var s = close(word, list[i]); if (s > top) top = s; } return top; }
  function search(query) {
    var q = words(query);
    if (!q.length) return [];
    var hits = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < q.length; i++) {
        var s = Math.max(best(q[i], d.t) * 3, best(q[i], d.w));
        if (!s) return;
        score += s;
      }
      hits.push({ d: d, s: score });
    });
    return hits.sort(function (a, b) { return b.s - a.s || a.d.title.localeCompare(b.d.title); }).slice(0, 20);
  }
  var input = document.getElementById('q'), list = document.getElementById('results');
  input.addEventListener('input', function () {
    list.textContent = '';
    search(input.value).forEach(function (hit) {
      var li = document.createElement('li'), a = document.createElement('a'), kind = document.createElement('span');
      a.href = '#/' + hit.d.key; a.textContent = hit.d.title; kind.className = 'kind'; kind.textContent = hit.d.kind;
      a.appendChild(kind); li.appendChild(a); list.appendChild(li);
    });
  });
  input.addEventListener('keydown', function (event) {
    var first = list.querySelector('a');
    if (event.key === 'Enter' && first) { location.hash = first.getAttribute('href'); }
  });
  function show() {
    var key = decodeURIComponent(location.hash.replace(/^#\\/?/, '').split('?')[0]) || 'home';
    var found = document.getElementById(key) ? key : 'home';
    document.querySelectorAll('article.doc').forEach(function (a) { a.hidden = a.id !== found; });
    window.scrollTo(0, 0);
  }
  window.addEventListener('hashchange', show);
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.copy-button');
    if (!button) return;
    var pre = button.parentNode.querySelector('pre');
    if (pre && navigator.clipboard) navigator.clipboard.writeText(pre.textContent).then(function () { button.textContent = 'Copied'; }, function () { button.textContent = 'Select and copy'; });
  });
  show();
  document.documentElement.setAttribute('data-ready', 'true');
})();
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

/** The whole file. The hashes are of OFFLINE_SCRIPT and OFFLINE_STYLE as written (SHA-256, base64). */
export function offlineHtml(page: OfflinePage, hashes: { script: string; style: string }): string {
  const groups = new Map<string, OfflineDoc[]>();
  for (const doc of page.docs) groups.set(doc.kind, [...(groups.get(doc.kind) ?? []), doc]);
  const index = [...groups.entries()]
    .map(([kind, docs]) => `<h2>${escapeHtml(kind)}</h2><ul>${docs.map((doc) => `<li><a href="#/${escapeHtml(doc.key)}">${escapeHtml(doc.title)}</a></li>`).join('')}</ul>`)
    .join('');
  const articles = page.docs.map((doc) => `<article class="doc" id="${escapeHtml(doc.key)}" hidden><h1>${escapeHtml(doc.title)}</h1>${doc.html}</article>`).join('\n');
  // Script-looking text inside the data stays data: every `<` is escaped.
  const data = JSON.stringify(page.docs.map(({ key, title, kind, words }) => ({ key, title, kind, words }))).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${offlinePolicy(hashes.script, hashes.style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Failsafe: offline copy of the library</title>
<style>${OFFLINE_STYLE}</style>
</head><body>
<header class="banner">${page.banner}<br><input id="q" type="search" placeholder="Search runbooks, notes, people… (typos are forgiven)" aria-label="Search the offline copy" autofocus><ul id="results" aria-label="Results"></ul></header>
<div class="layout"><nav class="index" aria-label="Everything in this copy">${index}</nav>
<main>
<article class="doc" id="home"><h1>Offline copy of the runbook library</h1><p>Search above, or pick from the list. Everything is in this one file: it makes no request of any kind.</p></article>
${articles}
</main></div>
<script type="application/json" id="data">${data}</script>
<script>${OFFLINE_SCRIPT}</script>
</body></html>
`;
}
