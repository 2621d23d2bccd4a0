import { parse as parseYaml } from 'yaml';
import { DEFAULT_LIMITS, type LibraryLimits } from '../limits';
import { readPlainFrontMatter } from './markdown/plain-front-matter';

export type FrontMatter = Record<string, unknown>;

export type FrontMatterResult =
  | { ok: true; data: FrontMatter; body: string }
  | { ok: false; reason: string };

const OPENING = /^---[ \t]*([A-Za-z0-9_-]*)[ \t]*\r?\n/;

/**
 * Splits optional YAML front matter from a Markdown file. Only YAML is accepted: gray-matter style
 * `---js` blocks are refused rather than evaluated (CVE-2022-25863), and aliases and nesting are
 * capped so an alias bomb fails fast instead of expanding.
 */
export function splitFrontMatter(text: string, limits: LibraryLimits = DEFAULT_LIMITS): FrontMatterResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const opening = OPENING.exec(source);
  if (!opening) return { ok: true, data: {}, body: source };
  const language = opening[1].toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return { ok: false, reason: `front matter in "${language}" is not accepted; only YAML is read` };
  }
  const rest = source.slice(opening[0].length);
  const closing = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!closing) return { ok: false, reason: 'front matter starts with --- but never ends' };
  const yamlText = rest.slice(0, closing.index);
  if (yamlText.length > limits.maxFrontMatterBytes) {
    return { ok: false, reason: `front matter is larger than ${limits.maxFrontMatterBytes} bytes` };
  }
  const body = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  // Most front matter is plain `key: value` lines, read the same without the YAML parser.
  const plain = readPlainFrontMatter(yamlText);
  if (plain) return { ok: true, data: plain, body };
  let data: unknown;
  try {
    data = parseYaml(yamlText, { maxAliasCount: limits.maxYamlAliases, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML: ${firstLine(error)}` };
  }
  if (data === null || data === undefined) return { ok: true, data: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'front matter must be a YAML mapping (key: value lines)' };
  }
  if (depthOf(data, limits.maxYamlDepth + 1) > limits.maxYamlDepth) {
    return { ok: false, reason: `front matter is nested deeper than ${limits.maxYamlDepth} levels` };
  }
  return { ok: true, data: data as FrontMatter, body };
}

function depthOf(value: unknown, stopAt: number, depth = 0): number {
  if (depth >= stopAt || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, stopAt, depth + 1));
    if (deepest >= stopAt) break;
  }
  return deepest;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
