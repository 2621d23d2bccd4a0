// The resolver lint uses, with no sync settings: links that name a file of the library by its path
// (GitLab's `runbook: docs/gitaly/README.md`, `failsafe://runbook/<path>`), and the published site
// bases it is given (`--site-base https://runbooks.example.dev/runbooks/=content/runbooks`). Any
// other URL is not the library's: not checked. The app resolves with shared/alerts/library-links.ts.
import type { LinkResolver, LinkTarget } from './link-target';

export interface SiteBase {
  /** Where the site publishes the folder: `https://runbooks.prometheus-operator.dev/runbooks/`. */
  url: string;
  /** The library folder it publishes: `content/runbooks`. */
  folder: string;
}

/** Longer links are not read: no file path is that long. */
const MAX_LINK = 2_000;
const FAILSAFE_RUNBOOK = 'failsafe://runbook/';
const NOT_LIBRARY: LinkTarget = { kind: 'not-library' };

export function libraryPathResolver(runbooks: readonly { id: string; path: string }[], siteBases: readonly SiteBase[] = []): LinkResolver {
  const byPath = new Map<string, string>();
  const byLowerPath = new Map<string, string>();
  for (const runbook of runbooks) {
    byPath.set(runbook.path, runbook.id);
    if (!byLowerPath.has(runbook.path.toLowerCase())) byLowerPath.set(runbook.path.toLowerCase(), runbook.id);
  }
  const bases = siteBases.map((base) => ({ url: base.url.endsWith('/') ? base.url : `${base.url}/`, folder: trimSlashes(base.folder) }));
  const find = (candidates: string[], section: string | undefined, lowerOnly: boolean): LinkTarget => {
    for (const candidate of candidates) {
      const id = (lowerOnly ? undefined : byPath.get(candidate)) ?? byLowerPath.get(candidate.toLowerCase());
      if (id !== undefined) return section ? { kind: 'runbook', id, section } : { kind: 'runbook', id };
    }
    return { kind: 'missing', lookedFor: candidates[0] };
  };
  return (url) => {
    const link = url.trim();
    // A template (`{{ $labels.service }}`) says which file only once an alert fills it.
    if (!link || link.length > MAX_LINK || link.includes('{{')) return NOT_LIBRARY;
    const hash = link.indexOf('#');
    const section = hash >= 0 ? decoded(link.slice(hash + 1)) || undefined : undefined;
    const target = (hash >= 0 ? link.slice(0, hash) : link).split('?')[0];
    if (target.toLowerCase().startsWith(FAILSAFE_RUNBOOK)) return filePath(decoded(target.slice(FAILSAFE_RUNBOOK.length)), section, find);
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      // A site publishes lower-cased slugs of the file names (`…/kubernetes/kubepodcrashlooping`).
      const base = bases.find((candidate) => target.toLowerCase().startsWith(candidate.url.toLowerCase()));
      if (!base) return NOT_LIBRARY;
      const slug = trimSlashes(decoded(target.slice(base.url.length)));
      if (!slug) return NOT_LIBRARY;
      const inFolder = base.folder ? `${base.folder}/${slug}` : slug;
      return find(candidatesFor(inFolder), section, true);
    }
    const path = decoded(target).replace(/^(\.\/|\/)+/, '');
    // Words, not a path (`see the wiki`): nothing to look for.
    if (!path || /\s/.test(path) || (!path.includes('/') && !isMarkdown(path))) return NOT_LIBRARY;
    return filePath(path, section, find);
  };
}

function filePath(path: string, section: string | undefined, find: (candidates: string[], section: string | undefined, lowerOnly: boolean) => LinkTarget): LinkTarget {
  // Nothing outside the library: a path climbing out of it names no file of it.
  if (path.split('/').includes('..')) return NOT_LIBRARY;
  return find(candidatesFor(trimSlashes(path)), section, false);
}

/** A Markdown file as named, else the file of that name or the folder's index page. */
function candidatesFor(path: string): string[] {
  if (isMarkdown(path)) return [path];
  return [`${path}.md`, `${path}/README.md`, `${path}/_index.md`, `${path}/index.md`];
}

const isMarkdown = (path: string) => /\.(md|markdown)$/i.test(path);

function trimSlashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '/') start++;
  while (end > start && text[end - 1] === '/') end--;
  return text.slice(start, end);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
