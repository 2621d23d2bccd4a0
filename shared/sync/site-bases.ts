// Published sites of the library the team sets in Settings: a site's address (a page of it is a
// file of the library) and the library folder it publishes. prometheus-operator's alerts link to
// `https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping`, the page of
// `content/runbooks/kubernetes/KubePodCrashLooping.md`: that site's base is
// `https://runbooks.prometheus-operator.dev/runbooks/` → `content/runbooks`.

export interface SiteBase {
  /** An http(s) address ending with `/`: a link under it names a file of `folder`. */
  url: string;
  /** A folder of the library, `/`-separated; empty for the library's root. */
  folder: string;
}

export const MAX_SITE_BASES = 20;
const MAX_SITE_URL_LENGTH = 512;

export type SiteBasesCheck = { ok: true; bases: SiteBase[] } | { ok: false; reason: string };

/** The site bases as settings hold them, checked: http(s) addresses, folders that stay inside the library. */
export function checkSiteBases(value: unknown): SiteBasesCheck {
  if (value === undefined) return { ok: true, bases: [] };
  if (!Array.isArray(value)) return { ok: false, reason: 'The published sites are malformed.' };
  if (value.length > MAX_SITE_BASES) return { ok: false, reason: `At most ${MAX_SITE_BASES} published sites.` };
  const bases: SiteBase[] = [];
  for (const entry of value as unknown[]) {
    if (!entry || typeof entry !== 'object') return { ok: false, reason: 'The published sites are malformed.' };
    const { url, folder } = entry as Record<string, unknown>;
    if (typeof url !== 'string' || (folder !== undefined && typeof folder !== 'string')) return { ok: false, reason: 'The published sites are malformed.' };
    const base = siteBase(url, folder ?? '');
    if (!base.ok) return base;
    bases.push(base.base);
  }
  return { ok: true, bases };
}

function siteBase(rawUrl: string, rawFolder: string): { ok: true; base: SiteBase } | { ok: false; reason: string } {
  const url = rawUrl.trim();
  // eslint-disable-next-line no-control-regex
  if (!url || url.length > MAX_SITE_URL_LENGTH || /[\s\u0000-\u001f]/.test(url)) return { ok: false, reason: `A published site’s address is not valid: ${url.slice(0, 80)}` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `A published site’s address is not valid: ${url.slice(0, 80)}` };
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.host || parsed.username || parsed.password) {
    return { ok: false, reason: `A published site’s address must be an http or https address: ${url.slice(0, 80)}` };
  }
  const folder = rawFolder.trim().replace(/^\.?\/+|\/+$/g, '');
  if (folder && (folder.split('/').some((part) => part === '..' || part === '.' || part === '') || folder.includes('\\'))) {
    return { ok: false, reason: `A published site’s folder must be a plain folder of the library, like content/runbooks: ${folder.slice(0, 80)}` };
  }
  // The base is the address without its query and fragment, ending with `/`: a page under it follows.
  const path = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { ok: true, base: { url: `${parsed.protocol}//${parsed.host}${path}`, folder } };
}

/** The site bases as the Settings field shows them: one per line, the address then its folder. */
export function siteBasesText(bases: readonly SiteBase[]): string {
  return bases.map((base) => (base.folder ? `${base.url} ${base.folder}` : base.url)).join('\n');
}

/** The Settings field read back: one site per line, its address, then a space (or `→`) and its folder if it has one. */
export function siteBasesFromText(text: string): SiteBasesCheck {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const entries = lines.map((line) => {
    const space = line.search(/\s/);
    return space < 0 ? { url: line, folder: '' } : { url: line.slice(0, space), folder: line.slice(space).trim().replace(/^(→|->)\s*/, '') };
  });
  return checkSiteBases(entries);
}
