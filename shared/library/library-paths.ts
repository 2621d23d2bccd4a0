// Where a file sits in a library decides what it is.

/** `alert-rules`: any other YAML file, read for Prometheus alerting rules (shared/alerts/alert-rules.ts) and otherwise left alone. */
export type LibraryFileKind = 'runbook' | 'note' | 'template' | 'oncall' | 'severity' | 'alert-rules' | 'readme' | 'ignored';

/** A folder's README.md, or a Hugo section's _index.md: the runbook of that folder. */
export function isFolderIndex(path: string): boolean {
  const name = (path.split('/').pop() ?? path).toLowerCase();
  return name === 'readme.md' || name === 'readme.markdown' || name === '_index.md';
}

export function libraryFileKind(path: string): LibraryFileKind {
  const lower = path.toLowerCase();
  const name = lower.split('/').pop() ?? lower;
  if (lower === 'oncall.yml' || lower === 'oncall.yaml') return 'oncall';
  if (lower === 'severity.yml' || lower === 'severity.yaml') return 'severity';
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return 'alert-rules';
  if (!name.endsWith('.md') && !name.endsWith('.markdown')) return 'ignored';
  // The library root's README describes the library, and a notes/ or templates/ README the format
  // of its folder; any other folder's README is often the only runbook a service has.
  if (isFolderIndex(lower) && (!lower.includes('/') || lower.startsWith('notes/') || lower.startsWith('templates/'))) return 'readme';
  if (lower.startsWith('notes/')) return 'note';
  if (lower.startsWith('templates/')) return 'template';
  return 'runbook';
}

/** The id of a file: its path without the Markdown extension; a folder's README is the folder's id. */
export function idFromPath(path: string): string {
  if (isFolderIndex(path) && path.includes('/')) return path.slice(0, path.lastIndexOf('/'));
  return path.replace(/\.(md|markdown)$/i, '');
}

export interface LinkTarget {
  id: string;
  /** The `#fragment` of the link, decoded, when it has one. */
  section?: string;
}

/**
 * Resolves a relative link from one library file to a runbook: `../db/restore.md`,
 * `other.md#section`, or a folder (`../db/`, `../db`) meaning that folder's README.
 */
export function resolveLinkTarget(fromPath: string, href: string): LinkTarget | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const hash = href.indexOf('#');
  const target = (hash >= 0 ? href.slice(0, hash) : href).split('?')[0];
  const fragment = hash >= 0 ? safeDecode(href.slice(hash + 1)) : undefined;
  const last = target.split('/').pop() ?? '';
  const isMarkdown = /\.(md|markdown)$/i.test(last);
  // A name with another extension (a script, an image) is not a runbook; one without is a folder.
  if (!isMarkdown && last.includes('.') && last !== '.' && last !== '..') return undefined;
  const parts = fromPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    const name = safeDecode(segment);
    // A colon or a control character is no part of a library path: `java%0ascript:` stays blocked.
    // eslint-disable-next-line no-control-regex
    if (/[:\u0000-\u001f\\]/.test(name)) return undefined;
    if (name === '..') parts.pop();
    else if (name !== '.' && name !== '') parts.push(name);
  }
  if (!parts.length) return undefined;
  const id = isMarkdown ? idFromPath(parts.join('/')) : parts.join('/');
  return fragment ? { id, section: fragment } : { id };
}

/** The runbook id a relative link points at, if it points at one. */
export function resolveLinkedId(fromPath: string, href: string): string | undefined {
  return resolveLinkTarget(fromPath, href)?.id;
}

/** A file's title when it has none of its own: its name, or its folder's name for a README. */
export function fileTitle(path: string): string {
  const base = isFolderIndex(path) && path.includes('/') ? (idFromPath(path).split('/').pop() ?? path) : idFromPath(path.split('/').pop() ?? path);
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A relative link from a runbook to the library's roster (`../oncall.yml`) or a message template
 * (`../templates/update.md`): the app opens its on-call or messages place instead of a runbook.
 */
export function linkedLibraryPlace(fromPath: string, href: string): { kind: 'oncall' } | { kind: 'template'; id: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  const target = href.split('#')[0].split('?')[0];
  const last = (target.split('/').pop() ?? '').toLowerCase();
  if (last === 'oncall.yml' || last === 'oncall.yaml') return { kind: 'oncall' };
  const linked = resolveLinkTarget(fromPath, target);
  return linked && libraryFileKind(`${linked.id}.md`) === 'template' ? { kind: 'template', id: linked.id } : undefined;
}
