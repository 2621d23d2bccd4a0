// Where the synced repository's files are shown on the web, read from the sync URL: GitHub's
// `https://<host>/<owner>/<repo>/blob/<branch>/<path>` (and `/tree/`), GitLab's
// `https://<host>/<group>/<repo>/-/blob/<branch>/<path>`, on github.com, gitlab.com or a host of
// the team's own, whether the sync URL is https, http on loopback, `ssh://` or `git@host:owner/repo.git`.

export interface RepositoryWeb {
  /** The web host, lower-cased, with its port when the sync URL is http(s) and names one. */
  host: string;
  /** `owner/repo` or `group/subgroup/repo`, without `.git`. */
  repoPath: string;
}

const SCP_LIKE = /^[\w.-]+@([\w.-]+):\/?([^\s]+)$/;

/** The repository's web place from its sync URL, or undefined when the URL says none. */
export function repositoryWeb(syncUrl: string): RepositoryWeb | undefined {
  const url = syncUrl.trim();
  if (!url || url.length > 2048) return undefined;
  const scp = SCP_LIKE.exec(url);
  if (scp && !url.includes('://')) return place(scp[1], scp[2]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'ssh' || scheme === 'git+ssh') return place(parsed.hostname, parsed.pathname);
  if (scheme === 'https' || scheme === 'http') return place(parsed.host, parsed.pathname);
  return undefined;
}

function place(host: string, path: string): RepositoryWeb | undefined {
  const repoPath = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/i, '');
  if (!host || !repoPath) return undefined;
  return { host: host.toLowerCase(), repoPath };
}

/** How a repository's web page names a file or folder: the kind of view, then the branch and the path. */
const FILE_VIEWS = new Set(['blob', 'tree', 'raw', 'blame']);

/**
 * The segments after `/<repoPath>/[-/]blob/` (the branch, then the file's path, still encoded) of a
 * link to this repository's web pages, or undefined when the link is not one.
 */
export function repositoryFileSegments(link: URL, web: RepositoryWeb): string[] | undefined {
  if (link.host.toLowerCase() !== web.host) return undefined;
  const protocol = link.protocol.toLowerCase();
  if (protocol !== 'https:' && protocol !== 'http:') return undefined;
  const parts = link.pathname.split('/').slice(1);
  const repo = web.repoPath.split('/');
  if (parts.length <= repo.length) return undefined;
  // Forges compare owner and repository names without case.
  for (let index = 0; index < repo.length; index++) if (parts[index].toLowerCase() !== repo[index].toLowerCase()) return undefined;
  let rest = parts.slice(repo.length);
  if (rest[0] === '-') rest = rest.slice(1);
  if (!FILE_VIEWS.has(rest[0] ?? '') || rest.length < 2) return undefined;
  return rest.slice(1);
}
