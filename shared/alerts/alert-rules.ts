// Alerting rules kept in the library: Prometheus rule files (`groups: [{ name, rules: [{ alert, … }] }]`)
// and PrometheusRule manifests (`kind: PrometheusRule`, `spec.groups`), in any `.yml`/`.yaml` file,
// several documents (`---`) allowed. Only what coverage needs is kept: the alert's name, its file,
// its labels and annotations. Outside input: parsed by `yaml` under the library's limits, and a
// result or a reason comes back, never an exception.
import { parseAllDocuments } from 'yaml';
import { DEFAULT_LIMITS, type LibraryLimits } from '../limits';

export interface AlertRule {
  /** The rule's `alert:` name. */
  alert: string;
  /** The file it is declared in, relative to the library root. */
  path: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export type AlertRulesRead =
  /** A rule file: its alerting rules (recording rules left out) and what in it could not be read. */
  | { kind: 'rules'; rules: AlertRule[]; problems: string[] }
  /** YAML of another kind (a CI file, a manifest): not the library's business, said nowhere. */
  | { kind: 'not-rules' }
  /** A rule file that cannot be read at all. */
  | { kind: 'broken'; reason: string };

/** Labels or annotations kept per rule, and the length of each value: coverage reads a few short ones. */
const MAX_ENTRIES = 64;
const MAX_VALUE = 2_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readAlertRules(path: string, text: string, limits: LibraryLimits = DEFAULT_LIMITS): AlertRulesRead {
  // Both shapes hold `groups:`; YAML without it is not parsed at all (a large repository holds much YAML).
  if (!text.includes('groups:')) return { kind: 'not-rules' };
  if (text.length > limits.maxFileBytes) return { kind: 'broken', reason: `file is larger than ${limits.maxFileBytes} bytes` };
  let values: unknown[];
  try {
    const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    const list = Array.isArray(documents) ? documents : [];
    const failed = list.find((document) => document.errors.length > 0);
    if (failed) return { kind: 'broken', reason: `not valid YAML: ${firstLine(failed.errors[0].message)}` };
    values = list.map((document) => document.toJS({ maxAliasCount: limits.maxYamlAliases }) as unknown);
  } catch (error) {
    // An alias bomb, or nesting deep enough to exhaust the parser's stack.
    return { kind: 'broken', reason: `cannot be read as YAML: ${firstLine(error instanceof Error ? error.message : String(error))}` };
  }
  const groupLists = values.map(groupsOf).filter((groups): groups is unknown[] => groups !== undefined);
  if (!groupLists.length) return { kind: 'not-rules' };
  if (values.some((value) => deeperThan(value, limits.maxYamlDepth))) return { kind: 'broken', reason: `nested deeper than ${limits.maxYamlDepth} levels` };
  const rules: AlertRule[] = [];
  const problems: string[] = [];
  for (const groups of groupLists) {
    for (const [groupIndex, group] of groups.entries()) {
      const groupName = isObject(group) && typeof group.name === 'string' ? `group “${group.name.slice(0, 80)}”` : `group ${groupIndex + 1}`;
      if (!isObject(group) || !Array.isArray(group.rules)) {
        problems.push(`${groupName} has no list of rules`);
        continue;
      }
      for (const [ruleIndex, rule] of group.rules.entries()) {
        if (isObject(rule) && typeof rule.record === 'string' && rule.alert === undefined) continue;
        if (!isObject(rule) || typeof rule.alert !== 'string' || !rule.alert.trim()) {
          problems.push(`${groupName}: rule ${ruleIndex + 1} has neither an alert nor a record name`);
          continue;
        }
        rules.push({ alert: rule.alert.trim().slice(0, MAX_VALUE), path, labels: textMap(rule.labels), annotations: textMap(rule.annotations) });
      }
    }
  }
  return { kind: 'rules', rules, problems };
}

/** The groups of a rule file or of a PrometheusRule manifest; undefined for any other document. */
function groupsOf(value: unknown): unknown[] | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'PrometheusRule') return isObject(value.spec) && Array.isArray(value.spec.groups) ? value.spec.groups : [];
  return value.kind === undefined && Array.isArray(value.groups) ? value.groups : undefined;
}

/** Labels and annotations as text: numbers and booleans written as text, anything else left out. */
function textMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!isObject(value)) return map;
  let count = 0;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') continue;
    map[key.slice(0, 200)] = String(item).slice(0, MAX_VALUE);
    if (++count === MAX_ENTRIES) break;
  }
  return map;
}

/** Whether `value` nests deeper than `limit`, stopping as soon as it does. */
function deeperThan(value: unknown, limit: number, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= limit) return true;
  for (const child of Object.values(value)) if (deeperThan(child, limit, depth + 1)) return true;
  return false;
}

function firstLine(message: string): string {
  return message.split('\n')[0].slice(0, 200);
}
