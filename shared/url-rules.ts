// Which links may leave the app. Browsers ignore tabs, newlines and leading control characters in a
// URL's scheme (`java\tscript:` runs), so those are removed before the scheme is read.

const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

export type LinkTarget =
  | { kind: 'external'; url: string }
  | { kind: 'internal'; href: string }
  | { kind: 'blocked'; reason: string };

export function classifyLink(raw: string): LinkTarget {
  // eslint-disable-next-line no-control-regex
  const trimmed = raw.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').trim();
  if (trimmed === '') return { kind: 'blocked', reason: 'empty link' };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1].toLowerCase();
  if (!scheme) {
    if (trimmed.startsWith('//') || trimmed.startsWith('\\')) return { kind: 'blocked', reason: 'protocol-relative link' };
    return { kind: 'internal', href: trimmed };
  }
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return { kind: 'blocked', reason: `${scheme}: links are not opened` };
  if ((scheme === 'http' || scheme === 'https') && !/^https?:\/\/[^/\s?#]+/i.test(trimmed)) {
    return { kind: 'blocked', reason: 'web link without a host' };
  }
  return { kind: 'external', url: trimmed };
}

/** True when the main process may hand this URL to the operating system. */
export function isAllowedExternalUrl(raw: unknown): raw is string {
  return typeof raw === 'string' && raw.length <= 2048 && classifyLink(raw).kind === 'external';
}
