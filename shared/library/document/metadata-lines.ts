// Metadata where teams put it when there is no front matter: at the top of the body, as bold lines
// (`**Owner**: DevOps Team`, `**Last Updated:** 2025-11-04`, `- **Priority**: CRITICAL`),
// definition lines (`Owner: Platform team`) or a two-column table (`| Owner | Platform team |`).
// Read from the lines after the title, up to the first section heading (a `## Metadata` or
// `## Document information` heading is read through) and never past MAX_LINES: a `**Priority**`
// further down describes something the document lists, not the document. Linear: each line is cut
// with indexOf, no regular expression runs over the text.
import { PRIORITIES, type Priority } from '../../model';
import { plainText } from '../markdown/plain-text';

export const MAX_LINES = 40;
const LONGEST_KEY = 40;
const LONGEST_VALUE = 200;

export interface BodyMetadata {
  owner?: string;
  lastReviewed?: string;
  version?: string;
  priority?: Priority;
  severity?: string;
  rto?: string;
  rpo?: string;
  status?: string;
}

type Field = keyof BodyMetadata;

/** How teams name each field (lower case, single spaces, no colon). */
const KEYS: Record<string, Field> = {
  owner: 'owner', owners: 'owner', 'owned by': 'owner', 'owning team': 'owner', team: 'owner', 'service owner': 'owner',
  'runbook owner': 'owner', 'document owner': 'owner', maintainer: 'owner', maintainers: 'owner', 'maintained by': 'owner',
  'last updated': 'lastReviewed', 'last update': 'lastReviewed', 'last reviewed': 'lastReviewed', 'last review': 'lastReviewed',
  'reviewed': 'lastReviewed', 'review date': 'lastReviewed', 'last modified': 'lastReviewed', updated: 'lastReviewed', date: 'lastReviewed',
  version: 'version', 'document version': 'version', 'runbook version': 'version',
  priority: 'priority', severity: 'severity',
  rto: 'rto', 'recovery time objective': 'rto', 'rto (recovery time objective)': 'rto',
  rpo: 'rpo', 'recovery point objective': 'rpo', 'rpo (recovery point objective)': 'rpo',
  status: 'status', 'document status': 'status',
};

/** Headings under which metadata is still read: the document's facts, not its first procedure. */
const METADATA_HEADINGS = new Set(['metadata', 'document information', 'document info', 'document control', 'document details', 'runbook information', 'runbook info', 'runbook details', 'about this runbook', 'about this document']);

/** `P1` is how many teams write critical. */
const NUMBERED_PRIORITIES: Record<string, Priority> = { p0: 'critical', p1: 'critical', p2: 'high', p3: 'medium', p4: 'low', sev1: 'critical', sev2: 'high', sev3: 'medium', sev4: 'low' };

/** Markdown marks that only plainText reads right; most metadata lines have none, and every document is read. */
const MARKUP = /[*_`[\]<>~!\\]/;
const wordsOf = (text: string) => (MARKUP.test(text) ? plainText(text) : text.replace(/\s+/g, ' ').trim());

const normalKey = (key: string) => key.toLowerCase().split(/\s+/).filter(Boolean).join(' ');

/** A metadata line's key and value, or undefined when the line is not one (any length, one pass). */
export function metadataLine(line: string): { field: Field; value: string } | undefined {
  let text = line.trim();
  if (text.startsWith('|')) return tableRow(text);
  if (text.startsWith('- ') || text.startsWith('* ') || text.startsWith('+ ') || text.startsWith('> ')) text = text.slice(2).trimStart();
  let key: string;
  let rest: string;
  const bold = text.startsWith('**') ? '**' : text.startsWith('__') ? '__' : '';
  if (bold) {
    const close = text.indexOf(bold, 2);
    if (close === -1 || close > LONGEST_KEY + 2) return undefined;
    key = text.slice(2, close);
    rest = text.slice(close + 2);
    if (key.endsWith(':')) key = key.slice(0, -1);
    else if (rest.trimStart().startsWith(':')) rest = rest.trimStart().slice(1);
    else return undefined;
  } else {
    const colon = text.indexOf(':');
    if (colon <= 0 || colon > LONGEST_KEY) return undefined;
    key = text.slice(0, colon);
    rest = text.slice(colon + 1);
  }
  return field(key, rest);
}

function tableRow(row: string): { field: Field; value: string } | undefined {
  const cells = row.slice(1, row.endsWith('|') && row.length > 1 ? -1 : undefined).split('|');
  if (cells.length !== 2 || cells[0].length > LONGEST_KEY * 2) return undefined;
  return field(wordsOf(cells[0]), cells[1]);
}

function field(key: string, rawValue: string): { field: Field; value: string } | undefined {
  const name = KEYS[normalKey(key.length > LONGEST_KEY ? '' : key)];
  if (!name) return undefined;
  const value = wordsOf(rawValue.slice(0, LONGEST_VALUE * 2)).slice(0, LONGEST_VALUE).trim();
  return value ? { field: name, value } : undefined;
}

function headingText(line: string): { level: number; text: string } | undefined {
  let level = 0;
  while (level < line.length && line[level] === '#') level++;
  if (level === 0 || level > 6 || (line.length > level && line[level] !== ' ')) return undefined;
  return { level, text: normalKey(wordsOf(line.slice(level, level + LONGEST_VALUE))) };
}

function priorityOf(value: string): Priority | undefined {
  for (const word of value.toLowerCase().split(/[^a-z0-9]+/)) {
    if (PRIORITIES.includes(word as Priority)) return word as Priority;
    if (NUMBERED_PRIORITIES[word]) return NUMBERED_PRIORITIES[word];
  }
  return undefined;
}

/** The metadata stated at the top of a body; the first statement of each field wins. */
export function bodyMetadata(body: string): BodyMetadata {
  const found: BodyMetadata = {};
  let lineStart = 0;
  let fence = false;
  for (let count = 0; count < MAX_LINES && lineStart <= body.length; count++) {
    const end = body.indexOf('\n', lineStart);
    const line = body.slice(lineStart, end === -1 ? body.length : end);
    lineStart = end === -1 ? body.length + 1 : end + 1;
    const trimmed = line.trim();
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) fence = !fence;
    if (fence) continue;
    const heading = headingText(trimmed);
    if (heading) {
      if (heading.level === 1 || METADATA_HEADINGS.has(heading.text)) continue;
      break;
    }
    const read = metadataLine(trimmed);
    if (!read) continue;
    if (read.field === 'priority') found.priority ??= priorityOf(read.value);
    else if (read.field === 'severity') {
      found.severity ??= read.value;
      found.priority ??= priorityOf(read.value);
    } else found[read.field] ??= read.value;
  }
  return found;
}

/** A runbook's metadata: its front matter's, each field it lacks from the body's top lines. */
export interface RunbookMetadata {
  owner?: string;
  lastReviewed?: string;
  version?: string;
  priority?: Priority;
  severity: string[];
  rto?: string;
  rpo?: string;
  status?: string;
  /** `body` when any field was read from the body's lines, `front-matter` when all came from there. */
  metadataFrom?: 'front-matter' | 'body';
}

export function runbookMetadata(front: Omit<RunbookMetadata, 'metadataFrom'>, body: string): RunbookMetadata {
  const stated = bodyMetadata(body);
  const merged: RunbookMetadata = {
    owner: front.owner ?? stated.owner,
    lastReviewed: front.lastReviewed ?? stated.lastReviewed,
    version: front.version ?? stated.version,
    priority: front.priority ?? stated.priority,
    severity: front.severity.length ? front.severity : stated.severity ? stated.severity.split(',').map((part) => part.trim()).filter(Boolean) : [],
    rto: front.rto ?? stated.rto,
    rpo: front.rpo ?? stated.rpo,
    status: front.status ?? stated.status,
  };
  const fromBody = (Object.keys(stated) as Field[]).some((key) => (key === 'severity' ? !front.severity.length : front[key] === undefined));
  const fromFront = Object.values(front).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
  merged.metadataFrom = fromBody ? 'body' : fromFront ? 'front-matter' : undefined;
  return merged;
}
