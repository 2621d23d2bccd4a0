import { listField, omitKeys, textField } from './front-matter-fields';
import { inlineLinks } from './markdown/markdown-links';
import { codeBlocks, inlineCommands } from './markdown/markdown-blocks';
import { plainText } from './markdown/plain-text';
import { PRIORITIES, type Priority, type Runbook } from '../model';
import { fileTitle, idFromPath, resolveLinkedId } from './library-paths';
import { splitSections } from './markdown/runbook-sections';
import { metadataLine, runbookMetadata } from './document/metadata-lines';
import { runbookProcedures } from './document/procedures';
import { readRunbookAlertNames } from '../alerts/runbook-alert-names';

export const KNOWN_TYPES = [
  'incident-response',
  'maintenance',
  'disaster-recovery',
  'deployment',
  'troubleshooting',
  'backup-restore',
  'security',
  'release',
  'support',
] as const;

const MODELLED_KEYS = [
  'id', 'title', 'type', 'priority', 'severity', 'tags', 'owner', 'duration', 'rto', 'rpo', 'version',
  'last_reviewed', 'review_every', 'related', 'aliases', 'alerts', 'description', 'summary', 'status',
] as const;

/** Builds a runbook from its path, its (already split) front matter and its Markdown body. */
export function parseRunbook(path: string, data: Record<string, unknown>, body: string): Runbook {
  const structure = splitSections(body);
  const purpose = structure.sections.find((section) => section.kind === 'purpose');
  const related = structure.sections.find((section) => section.kind === 'related');
  const title = textField(data, 'title') ?? structure.title ?? fileTitle(path);
  const procedures = runbookProcedures(body, title, structure);
  const priority = textField(data, 'priority')?.toLowerCase();
  // What the front matter lacks, read from the body's top lines (`**Owner**: DevOps Team`).
  const metadata = runbookMetadata(
    {
      owner: textField(data, 'owner'),
      lastReviewed: textField(data, 'last_reviewed'),
      version: textField(data, 'version'),
      priority: PRIORITIES.includes(priority as Priority) ? (priority as Priority) : undefined,
      severity: listField(data, 'severity'),
      rto: textField(data, 'rto'),
      rpo: textField(data, 'rpo'),
      status: textField(data, 'status'),
    },
    body,
  );
  return {
    id: textField(data, 'id') ?? idFromPath(path),
    path,
    title,
    type: normaliseType(textField(data, 'type')) ?? typeFromFolder(path) ?? 'general',
    priority: metadata.priority,
    severity: metadata.severity,
    tags: listField(data, 'tags').map((tag) => tag.toLowerCase()),
    aliases: listField(data, 'aliases'),
    alerts: readRunbookAlertNames(data.alerts).names,
    owner: metadata.owner,
    duration: textField(data, 'duration'),
    rto: metadata.rto,
    rpo: metadata.rpo,
    version: metadata.version,
    lastReviewed: metadata.lastReviewed,
    status: metadata.status,
    metadataFrom: metadata.metadataFrom,
    reviewEvery: textField(data, 'review_every') ?? 'quarterly',
    related: unique([...listField(data, 'related'), ...linkedIds(path, related?.content ?? '')]),
    summary: summaryOf(data, purpose?.content ?? structure.intro),
    body,
    procedures,
    steps: procedures[0]?.steps ?? [],
    verification: procedures[0]?.verification ?? [],
    commands: unique([...codeBlocks(body), ...inlineCommands(body)]),
    extra: omitKeys(data, MODELLED_KEYS),
  };
}

function normaliseType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  const slug = type.trim().toLowerCase().replace(/[\s_&]+/g, '-').replace(/-+/g, '-');
  return slug === 'backup-and-restore' ? 'backup-restore' : slug;
}

function typeFromFolder(path: string): string | undefined {
  const folder = path.includes('/') ? normaliseType(path.split('/')[0]) : undefined;
  return KNOWN_TYPES.find((type) => type === folder);
}

function summaryOf(data: Record<string, unknown>, fallback: string): string {
  const given = textField(data, 'summary') ?? textField(data, 'description');
  if (given) return given;
  // Not the metadata lines (`**Owner**: …`) a document opens with: they are shown as its facts.
  const isMetadata = (block: string) => block.trim().split('\n').every((line) => metadataLine(line) !== undefined);
  const paragraph = fallback.split(/\r?\n\s*\r?\n/).find((block) => block.trim() && !/^\s*([-*+]|\d+[.)]|```|~~~|\|)/.test(block) && !isMetadata(block));
  return paragraph ? plainText(paragraph) : '';
}

function linkedIds(path: string, markdown: string): string[] {
  const ids: string[] = [];
  for (const link of inlineLinks(markdown)) {
    const id = resolveLinkedId(path, link.href.split(/\s/)[0]);
    if (id) ids.push(id);
  }
  return ids;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
