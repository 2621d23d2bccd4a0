// Where a file sits in a library decides what it is.

export type LibraryFileKind = 'runbook' | 'note' | 'template' | 'oncall' | 'severity' | 'readme' | 'ignored';

export function libraryFileKind(path: string): LibraryFileKind {
  const lower = path.toLowerCase();
  const name = lower.split('/').pop() ?? lower;
  if (lower === 'oncall.yml' || lower === 'oncall.yaml') return 'oncall';
  if (lower === 'severity.yml' || lower === 'severity.yaml') return 'severity';
  if (!name.endsWith('.md') && !name.endsWith('.markdown')) return 'ignored';
  // Folder READMEs and Hugo section indexes describe a folder; they are not runbooks.
  if (name === 'readme.md' || name === '_index.md') return 'readme';
  if (lower.startsWith('notes/')) return 'note';
  if (lower.startsWith('templates/')) return 'template';
  return 'runbook';
}

/** The id of a file: its path without the Markdown extension. */
export function idFromPath(path: string): string {
  return path.replace(/\.(md|markdown)$/i, '');
}

/** Resolves a relative Markdown link (`../db/restore.md`) from one library file to a runbook id. */
export function resolveLinkedId(fromPath: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const target = href.split('#')[0];
  if (!/\.(md|markdown)$/i.test(target)) return undefined;
  const parts = fromPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return idFromPath(parts.join('/'));
}

export function fileTitle(path: string): string {
  const base = idFromPath(path.split('/').pop() ?? path);
  const words = base.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
