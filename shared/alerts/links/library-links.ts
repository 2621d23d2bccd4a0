// A link to a runbook, mapped to the library file it names: the synced repository's own web pages
// (any branch), the published sites the team set in Settings, a path relative to the repository
// (GitLab's `runbook: docs/gitaly/x.md` label), and `failsafe://runbook/<path>#section`. Links are
// outside input: bounded in length, decoded segment by segment, never climbing out of the library.
import type { SiteBase } from '../../sync/site-bases';
import { describeLibraryPath, idOfLibraryPath, MAX_LINK_LENGTH, readPathSegments, runbookIndex, withoutPageSuffix } from './link-paths';
import { repositoryFileSegments, repositoryWeb } from './repository-web';

export interface LinkContext {
  /** The repository the library syncs from (empty: none). */
  syncUrl: string;
  /** Its configured branch (empty: the default). */
  branch: string;
  /** The library's folder inside the repository (empty: its root). */
  subfolder: string;
  siteBases: readonly SiteBase[];
}

import type { LinkTarget } from './link-target';

export type { LinkTarget };

const FAILSAFE_RUNBOOK = 'failsafe://runbook/';
/** The most branch names with slashes (`release/2.1`) tried before a web link's path is read. */
const MAX_BRANCH_SEGMENTS = 6;

/** A resolver for one library and its settings: build it once, call it for each link. */
export function libraryLinkResolver(context: LinkContext, runbookIds: readonly string[]): (url: string) => LinkTarget {
  const index = runbookIndex(runbookIds);
  const web = repositoryWeb(context.syncUrl);
  const subfolder = context.subfolder.split('/').filter(Boolean);
  const branch = context.branch.split('/').filter(Boolean);
  // The most specific site first: `…/runbooks/kubernetes/` before `…/runbooks/`.
  const bases = [...context.siteBases].sort((a, b) => b.url.length - a.url.length);
  return (raw) => {
    const url = raw.trim();
    if (url.length > MAX_LINK_LENGTH) return { kind: 'refused', reason: `the link is longer than ${MAX_LINK_LENGTH} characters` };
    const { path, section } = splitFragment(url);
    if (section !== undefined && !section.ok) return { kind: 'refused', reason: section.reason };
    const found = resolve(path);
    return found.kind === 'runbook' && section?.ok && section.text ? { ...found, section: section.text } : found;
  };

  function resolve(url: string): LinkTarget {
    if (url.toLowerCase().startsWith(FAILSAFE_RUNBOOK)) return inLibrary(withoutQuery(url.slice(FAILSAFE_RUNBOOK.length)), []);
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    if (!scheme) return url.startsWith('//') || !looksLikePath(url) ? { kind: 'not-library' } : relativeToRepository(withoutQuery(url));
    let link: URL;
    try {
      link = new URL(url);
    } catch {
      return { kind: 'not-library' };
    }
    const fromRepository = web ? repositoryFileSegments(link, web) : undefined;
    if (fromRepository) return onRepositoryPage(fromRepository);
    const site = bases.find((base) => underBase(link, base.url));
    if (site) return onSite(link, site);
    return { kind: 'not-library' };
  }

  /** A path of the library (still encoded) under `base`: the runbook it names, else what was looked for. */
  function inLibrary(raw: string, base: readonly string[], suffixes = false): LinkTarget {
    const read = readPathSegments(raw, base);
    if (!read.ok) return { kind: 'refused', reason: `the link cannot be read: ${read.reason}` };
    return lookUp(suffixes ? withoutPageSuffix(read.segments) : read.segments);
  }

  function lookUp(segments: readonly string[]): LinkTarget {
    const id = segments.length ? index.find(idOfLibraryPath(segments)) : undefined;
    return id ? { kind: 'runbook', id } : { kind: 'missing', lookedFor: describeLibraryPath(segments) };
  }

  /** A path of the repository (still encoded): the runbook it names inside the library's subfolder. */
  function inRepository(raw: string): LinkTarget {
    const read = readPathSegments(raw);
    if (!read.ok) return { kind: 'refused', reason: `the link cannot be read: ${read.reason}` };
    const segments = read.segments;
    if (subfolder.every((part, at) => segments[at]?.toLowerCase() === part.toLowerCase())) return lookUp(segments.slice(subfolder.length));
    return { kind: 'missing', lookedFor: `${segments.join('/')}, outside the library’s folder ${subfolder.join('/')}` };
  }

  function relativeToRepository(path: string): LinkTarget {
    const fromRoot = inRepository(path);
    if (fromRoot.kind === 'runbook' || fromRoot.kind === 'refused' || !subfolder.length) return fromRoot;
    const fromLibrary = inLibrary(path, []);
    return fromLibrary.kind === 'runbook' ? fromLibrary : fromRoot;
  }

  /** `<branch…>/<path>`: the configured branch when the link names it, else each split until a runbook is found. */
  function onRepositoryPage(segments: string[]): LinkTarget {
    if (branch.length && branch.length < segments.length && branch.every((part, at) => safeDecode(segments[at]) === part)) {
      return inRepository(segments.slice(branch.length).join('/'));
    }
    let first: LinkTarget | undefined;
    for (let cut = 1; cut <= Math.min(MAX_BRANCH_SEGMENTS, segments.length - 1); cut++) {
      const found = inRepository(segments.slice(cut).join('/'));
      if (found.kind === 'runbook') return found;
      first ??= found;
    }
    return first ?? { kind: 'missing', lookedFor: describeLibraryPath([]) };
  }

  function onSite(link: URL, site: SiteBase): LinkTarget {
    const rest = link.pathname.slice(new URL(site.url).pathname.length);
    return inLibrary(rest, site.folder.split('/').filter(Boolean), true);
  }
}

function splitFragment(url: string): { path: string; section?: { ok: true; text: string } | { ok: false; reason: string } } {
  const hash = url.indexOf('#');
  if (hash < 0) return { path: url };
  const raw = url.slice(hash + 1);
  try {
    return { path: url.slice(0, hash), section: { ok: true, text: decodeURIComponent(raw) } };
  } catch {
    return { path: url.slice(0, hash), section: { ok: false, reason: 'the link’s section is not valid percent-encoding' } };
  }
}

function withoutQuery(path: string): string {
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

/** A bare word is a name, not a path: a relative link names a folder or a Markdown file. */
function looksLikePath(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f]/.test(text)) return false;
  return text.includes('/') || /\.(md|markdown)$/i.test(withoutQuery(text));
}

/** Whether the link is a page under this site base (same scheme, host and path prefix; names of hosts without case). */
function underBase(link: URL, base: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    return false;
  }
  if (link.protocol !== parsed.protocol || link.host.toLowerCase() !== parsed.host.toLowerCase()) return false;
  const basePath = parsed.pathname;
  return link.pathname.startsWith(basePath) || `${link.pathname}/` === basePath;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
