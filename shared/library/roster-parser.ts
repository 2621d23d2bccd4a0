import { parse as parseYaml } from 'yaml';
import { listField, textField } from './front-matter-fields';
import { DEFAULT_LIMITS, type LibraryLimits } from '../limits';
import type { Contact, EscalationStep, SeverityLevel } from '../model';

/**
 * A list file's entries. One bad entry (no name, a duplicate id) is a problem of the file, listed
 * in `problems`, and the other entries still import; only a file that is not a list at all fails.
 */
export type ListResult<T> = { ok: true; items: T[]; problems: string[] } | { ok: false; reason: string };

/** `oncall.yml`: `people:` (or a bare list) of name, role, phone, email, chat, time_zone, escalation. */
export function parseOnCall(text: string, limits: LibraryLimits = DEFAULT_LIMITS): ListResult<Contact> {
  return parseList(text, 'people', 'person', limits, (item, index) => {
    const name = textField(item, 'name');
    if (!name) return `person ${index + 1} has no name`;
    return {
      id: textField(item, 'id') ?? slug(name),
      name,
      role: textField(item, 'role') ?? '',
      phone: textField(item, 'phone'),
      email: textField(item, 'email'),
      chat: textField(item, 'chat'),
      timeZone: textField(item, 'time_zone') ?? textField(item, 'timezone'),
      escalationOrder: Number(textField(item, 'escalation') ?? index + 1) || index + 1,
    };
  });
}

/**
 * `severity.yml`: `levels:` (or a bare list) of id, name, response_time, examples, pages,
 * update_every; beside them, `alert_severity:` maps alert severity label values to level ids.
 */
export function parseSeverity(text: string, limits: LibraryLimits = DEFAULT_LIMITS): ListResult<SeverityLevel> {
  return parseList(text, 'levels', 'level', limits, readLevel, readAlertSeverity);
}

function readLevel(item: Record<string, unknown>, index: number): SeverityLevel | string {
  const id = textField(item, 'id');
  const responseTime = textField(item, 'response_time');
  if (!id) return `level ${index + 1} has no id`;
  if (!responseTime) return `level ${id} has no response_time`;
  return {
    id,
    name: textField(item, 'name') ?? id,
    responseTime,
    description: textField(item, 'description'),
    examples: listField(item, 'examples'),
    pages: listField(item, 'pages'),
    updateEvery: textField(item, 'update_every'),
    escalation: escalationOf(item.escalation),
  };
}

const MAX_ALERT_SEVERITIES = 50;

/**
 * `alert_severity: { critical: P1, warning: P3 }`: each alert severity (compared in lower case)
 * recorded on the level it names. A value naming no level is a problem of the file, left out.
 */
function readAlertSeverity(root: unknown, levels: SeverityLevel[], problems: string[]): void {
  const mapping = root && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>).alert_severity : undefined;
  if (mapping === undefined || mapping === null) return;
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    problems.push('alert_severity: expected a mapping from alert severities to level ids (critical: P1); left out');
    return;
  }
  const byId = new Map(levels.map((level) => [level.id, level]));
  const mapped = new Set<string>();
  const entries = Object.entries(mapping as Record<string, unknown>);
  for (const [written, id] of entries.slice(0, MAX_ALERT_SEVERITIES)) {
    const severity = written.trim().toLowerCase();
    const level = typeof id === 'string' || typeof id === 'number' ? byId.get(String(id).trim()) : undefined;
    if (!level) {
      problems.push(`alert_severity: "${written.slice(0, 40)}" maps to ${typeof id === 'string' || typeof id === 'number' ? `"${String(id).slice(0, 40)}", which is not a level id` : 'no level id'}; left out`);
    } else if (!severity || mapped.has(severity)) {
      problems.push(`alert_severity: "${written.slice(0, 40)}" is ${severity ? 'mapped twice; the first is used' : 'empty'}`);
    } else {
      mapped.add(severity);
      level.alertSeverities = [...(level.alertSeverities ?? []), severity];
    }
  }
  if (entries.length > MAX_ALERT_SEVERITIES) problems.push(`alert_severity: only the first ${MAX_ALERT_SEVERITIES} are used`);
}

function parseList<T extends { id: string }>(
  text: string,
  key: string,
  noun: string,
  limits: LibraryLimits,
  read: (item: Record<string, unknown>, index: number) => T | string,
  /** What the file holds beside its list, read once the list is. */
  readBeside?: (root: unknown, items: T[], problems: string[]) => void,
): ListResult<T> {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: limits.maxYamlAliases, prettyErrors: false });
  } catch (error) {
    return { ok: false, reason: `not valid YAML: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return { ok: false, reason: `expected a list under "${key}:"` };
  const items: T[] = [];
  const problems: string[] = [];
  const firstWithId = new Map<string, number>();
  for (const [index, item] of list.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${noun} ${index + 1} is not a mapping; left out`);
      continue;
    }
    const result = read(item as Record<string, unknown>, index);
    if (typeof result === 'string') {
      problems.push(`${result}; left out`);
      continue;
    }
    const first = firstWithId.get(result.id);
    if (first !== undefined) {
      problems.push(`${noun} ${index + 1} has the id "${result.id}" of ${noun} ${first + 1}; left out (give it its own \`id:\`)`);
      continue;
    }
    firstWithId.set(result.id, index);
    items.push(result);
  }
  readBeside?.(data, items, problems);
  return { ok: true, items, problems };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** `escalation:` a list of `{ notify, wait }` (or bare names); entries without `notify` are left out. */
function escalationOf(value: unknown): EscalationStep[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const steps = value.slice(0, 20).flatMap((entry): EscalationStep[] => {
    if (typeof entry === 'string') return entry.trim() ? [{ notify: entry.trim() }] : [];
    if (!entry || typeof entry !== 'object') return [];
    const record = entry as Record<string, unknown>;
    const notify = textField(record, 'notify');
    return notify ? [{ notify, wait: textField(record, 'wait') }] : [];
  });
  return steps.length ? steps : undefined;
}
