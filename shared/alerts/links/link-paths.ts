// Library paths read from a link: its segments decoded one by one, `.` and `..` applied without ever
// climbing above the library's root, then looked up among the runbook ids (exactly, else ignoring
// case: a published site lower-cases `KubePodCrashLooping` into `kubepodcrashlooping`).
import { idFromPath } from '../../library/library-paths';

/** Longer than any runbook link a team writes; what is longer is refused before it is read. */
export const MAX_LINK_LENGTH = 4096;
/** Deeper than any library folder; a path of more segments is refused. */
export const MAX_LINK_SEGMENTS = 64;

export type PathRead = { ok: true; segments: string[] } | { ok: false; reason: string };

/**
 * The decoded segments of `raw` (a `/`-separated path of a URL), placed under `base`. A segment
 * that does not decode, or decodes to a separator or a control character, is a problem, as is a
 * `..` that would leave `base`'s root.
 */
export function readPathSegments(raw: string, base: readonly string[] = []): PathRead {
  const parts = raw.split('/');
  if (parts.length > MAX_LINK_SEGMENTS) return { ok: false, reason: 'its path has too many folders' };
  const segments = [...base];
  for (const part of parts) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return { ok: false, reason: 'its path is not valid percent-encoding' };
    }
    // eslint-disable-next-line no-control-regex
    if (/[/\\\u0000-\u001f\u007f]/.test(name)) return { ok: false, reason: 'its path holds a separator or a control character' };
    if (name === '..') {
      if (!segments.length) return { ok: false, reason: 'its path climbs out of the library' };
      segments.pop();
    } else if (name !== '.' && name !== '') segments.push(name);
  }
  return { ok: true, segments };
}

/** What a published page's address adds to its file's name: `index.html`, `_index`, `.html`. */
export function withoutPageSuffix(segments: readonly string[]): string[] {
  const result = [...segments];
  const last = result.at(-1)?.toLowerCase();
  if (last === 'index.html' || last === 'index.htm' || last === '_index' || last === '_index.md') result.pop();
  else if (last?.endsWith('.html')) result[result.length - 1] = result[result.length - 1].slice(0, -'.html'.length);
  return result;
}

/** The runbook ids of a library, for lookups by link. */
export interface RunbookIndex {
  has(id: string): boolean;
  /** The id, matched exactly, else ignoring case. */
  find(id: string): string | undefined;
}

export function runbookIndex(ids: readonly string[]): RunbookIndex {
  const exact = new Set(ids);
  const folded = new Map<string, string>();
  for (const id of ids) if (!folded.has(id.toLowerCase())) folded.set(id.toLowerCase(), id);
  return {
    has: (id) => exact.has(id),
    find: (id) => (exact.has(id) ? id : folded.get(id.toLowerCase())),
  };
}

/** The id a library path names: a Markdown file's id, or a folder (its README) or slug as written. */
export function idOfLibraryPath(segments: readonly string[]): string {
  const path = segments.join('/');
  return /\.(md|markdown)$/i.test(path) ? idFromPath(path) : path;
}

/** The library path a link named, as the responder would look for it. */
export function describeLibraryPath(segments: readonly string[]): string {
  const path = segments.join('/');
  if (!path) return 'the library’s root folder (it is not a runbook)';
  return /\.(md|markdown)$/i.test(path) ? path : `${path}.md (or ${path}/README.md), any letter case`;
}
