// The offline copy's one script. It is not part of the app: the build bundles it, with the app's
// search modules it imports, into one function (`?iife`, scripts/iife-script.ts) that
// shared/offline/offline-page.ts writes into the copy. It runs from a file in any browser, with
// every request forbidden: search (the app's engine over the app's index), a hash router for the
// app's own `#/runbook/<id>` links, and Copy buttons.
import { OFFLINE_IDS } from '../../../shared/offline/offline-page';
import { OfflineSearch, type OfflineResult } from '../../../shared/offline/offline-search';
import { highlightParts } from '../../ui/highlight';

const byId = (id: string) => document.getElementById(id);
const input = byId(OFFLINE_IDS.query) as HTMLInputElement;
const list = byId(OFFLINE_IDS.results) as HTMLUListElement;
const json = (id: string) => JSON.parse(byId(id)?.textContent ?? '');
const search = OfflineSearch.load(json(OFFLINE_IDS.index), json(OFFLINE_IDS.data));

function span(className: string, text: string, terms: string[]): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  for (const part of highlightParts(text, terms)) {
    if (!part.match) {
      element.append(part.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    element.append(mark);
  }
  return element;
}

function item(className: string, text: string): HTMLLIElement {
  const element = document.createElement('li');
  element.className = className;
  element.textContent = text;
  return element;
}

/** As the palette shows them: grouped, the title and the words typed highlighted, the type, the matching line. */
function render(query: string, results: OfflineResult[]): void {
  const words = query.split(/\s+/).filter(Boolean);
  const lines: HTMLLIElement[] = [];
  let group: string | undefined;
  for (const result of results) {
    if (result.group !== group) lines.push(item('group', (group = result.group)));
    const link = document.createElement('a');
    link.href = `#/${result.key}`;
    link.append(span('title', result.title, [...result.terms, ...words]));
    if (result.kind) link.append(span('kind', result.kind, []));
    if (result.snippet) link.append(span('snippet', result.snippet, result.terms));
    const line = document.createElement('li');
    line.append(link);
    lines.push(line);
  }
  if (words.length && !results.length) lines.push(item('empty', `Nothing matches “${query.trim()}”.`));
  list.replaceChildren(...lines);
  list.hidden = !words.length;
}

const links = () => [...list.querySelectorAll('a')];

function open(link: HTMLAnchorElement): void {
  list.hidden = true;
  const target = link.getAttribute('href') ?? '';
  // The same address again fires no hashchange: show it (and take focus to it) all the same.
  if (location.hash === target) show(true);
  else location.hash = target;
}

input.addEventListener('input', () => render(input.value, search.search(input.value)));
input.addEventListener('focus', () => (list.hidden = !input.value.trim()));
input.addEventListener('keydown', (event) => {
  const all = links();
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    list.hidden = !input.value.trim();
    (event.key === 'ArrowDown' ? all[0] : all[all.length - 1])?.focus();
  } else if (event.key === 'Enter' && all[0]) {
    event.preventDefault();
    open(all[0]);
  } else if (event.key === 'Escape') {
    input.value = '';
    render('', []);
  }
});
list.addEventListener('keydown', (event) => {
  const all = links();
  const at = all.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : all[Math.min(next, all.length - 1)]).focus();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    open(all[at]);
  } else if (event.key === 'Escape') {
    input.focus();
  }
});
list.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link) return;
  event.preventDefault();
  open(link);
});
// `/` searches from anywhere but a text field, as in the app's lists.
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, [contenteditable="true"]')) return;
  event.preventDefault();
  input.focus();
  input.select();
});

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One document at a time, by the address: `#/runbook/<id>`, and `?section=<slug>` scrolls to that heading. */
function show(focus: boolean): void {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const wanted = byId(decoded(path));
  const article = wanted?.matches('article.doc') ? wanted : (byId('home') as HTMLElement);
  for (const each of document.querySelectorAll<HTMLElement>('article.doc')) each.hidden = each !== article;
  for (const old of document.querySelectorAll('.section-shown')) old.classList.remove('section-shown');
  const section = new URLSearchParams(query).get('section');
  const heading = section ? article.querySelector<HTMLElement>(`[id="section-${CSS.escape(section)}"]`) : null;
  if (heading) {
    heading.classList.add('section-shown');
    heading.scrollIntoView({ block: 'start' });
  } else window.scrollTo(0, 0);
  if (!focus) return;
  // Reading starts where the document does: arrows and Space scroll it, `/` comes back to search.
  const start = heading ?? article.querySelector<HTMLElement>('h1');
  if (start) {
    start.tabIndex = -1;
    start.focus({ preventScroll: true });
  }
}
window.addEventListener('hashchange', () => {
  list.hidden = true;
  show(true);
});

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('.copy-button') : null;
  const pre = button?.parentElement?.querySelector('pre');
  if (!button || !pre) return;
  const said = (text: string) => () => (button.textContent = text);
  if (navigator.clipboard) navigator.clipboard.writeText(pre.textContent ?? '').then(said('Copied'), said('Select and copy'));
  else said('Select and copy')();
});

show(false);
document.documentElement.setAttribute('data-ready', 'true');
