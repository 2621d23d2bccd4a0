// Deterministic synthetic runbooks of realistic size (about 5 KB, 5 to 20 steps with commands, and
// troubleshooting and rollback sections beside the procedure, as real documents have) and
// typo-laden queries aimed at them, for `npm run bench`.
import { parseLibrary, type LibraryFile } from '../../shared/library/library-parser';
import type { LibrarySnapshot } from '../../shared/model';

const SERVICES = ['billing', 'checkout', 'inventory', 'search', 'payments', 'ledger', 'identity', 'gateway', 'catalog', 'shipping', 'notifications', 'analytics', 'reporting', 'scheduler', 'storage', 'messaging', 'pricing', 'recommendations', 'onboarding', 'invoicing', 'warehouse', 'loyalty', 'fraud', 'compliance', 'audit', 'media', 'streaming', 'telemetry', 'backoffice', 'partner'];
const COMPONENTS = ['postgres', 'redis', 'kafka', 'nginx', 'elasticsearch', 'rabbitmq', 'patroni', 'pgbouncer', 'consul', 'vault', 'etcd', 'haproxy', 'cassandra', 'memcached', 'zookeeper', 'prometheus', 'grafana', 'minio', 'clickhouse', 'mongodb', 'certificate', 'ingress', 'dns', 'cronjob', 'worker', 'api', 'frontend', 'scheduler', 'replica', 'cluster'];
const ACTIONS = ['failover', 'restart', 'rollback', 'upgrade', 'restore', 'backup', 'rotation', 'migration', 'scaling', 'outage', 'latency', 'saturation', 'corruption', 'switchover', 'renewal', 'cleanup', 'rebalance', 'recovery', 'drain', 'reindex'];
const TYPES = ['incident-response', 'maintenance', 'disaster-recovery', 'deployment', 'troubleshooting', 'backup-restore', 'security', 'release'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];
const FILLER = 'Check the dashboards for the affected service before and after each change, write down the time of every action in the incident channel, and stop to escalate if the numbers do not move the way this step expects them to.';

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

function titleFor(index: number): string[] {
  // Every (service, component, action) triple is distinct for the first 18,000 indexes.
  const service = SERVICES[index % SERVICES.length];
  const component = COMPONENTS[Math.floor(index / SERVICES.length) % COMPONENTS.length];
  const action = ACTIONS[Math.floor(index / (SERVICES.length * COMPONENTS.length)) % ACTIONS.length];
  return [service, component, action];
}

function runbookMarkdown(index: number, next: () => number): string {
  const [service, component, action] = titleFor(index);
  const steps = 5 + Math.floor(next() * 16);
  const lines = [
    '---',
    `title: ${cap(service)} ${component} ${action}`,
    `type: ${pick(next, TYPES)}`,
    `priority: ${pick(next, PRIORITIES)}`,
    `tags: [${service}, ${component}, ${action}]`,
    `aliases: [${cap(service)}${cap(component)}${cap(action)}Alert]`,
    `owner: ${cap(service)} team`,
    '---',
    `# ${cap(service)} ${component} ${action}`,
    '',
    '## Purpose',
    `Use this when the ${service} ${component} needs a ${action}. ${FILLER}`,
    '',
    '## Steps',
  ];
  for (let step = 1; step <= steps; step++) {
    const verb = pick(next, ['Check', 'Drain', 'Restart', 'Inspect', 'Scale', 'Verify', 'Snapshot', 'Promote']);
    lines.push('', `### Step ${step}: ${verb} the ${pick(next, COMPONENTS)} of ${service}`, FILLER.slice(0, 80 + Math.floor(next() * 120)), '```bash');
    lines.push(`kubectl -n ${service} ${pick(next, ['rollout restart', 'scale --replicas=3', 'describe', 'logs --since=15m'])} deploy/${service}-${component}`, '```');
  }
  lines.push('', '## Verification', `- [ ] ${cap(service)} error rate back to normal`, `- [ ] ${component} healthy`);
  // Sections beside the procedure, as real documents have them: troubleshooting entries and a way back.
  const other = pick(next, COMPONENTS);
  lines.push(
    '',
    '## Troubleshooting',
    '',
    `### Issue: ${component} does not come back`,
    `Read the ${component} logs of ${service} and compare with the ${other} dashboards. ${FILLER.slice(0, 60 + Math.floor(next() * 100))}`,
    '',
    `### Issue: ${service} ${pick(next, ['errors keep rising', 'latency stays high', 'queue keeps growing'])}`,
    `Check the ${other} connections of ${service} before anything else.`,
    '',
    '## Rollback',
    `Undo the ${action} of the ${service} ${component} and tell the incident channel.`,
  );
  return lines.join('\n');
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syntheticFiles(count: number, seed: number): LibraryFile[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => ({ path: `synthetic/rb-${index}.md`, text: runbookMarkdown(index, next) }));
}

export function syntheticLibrary(count: number, seed = 1): LibrarySnapshot {
  return parseLibrary(syntheticFiles(count, seed), { kind: 'bundled', builtAt: new Date().toISOString() });
}

/** The same runbooks as files, for a Git repo. */
export function syntheticRunbookFiles(count: number, seed = 1): Record<string, string> {
  return Object.fromEntries(syntheticFiles(count, seed).map((file) => [file.path, file.text]));
}

function typo(word: string, next: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(next() * (word.length - 2));
  switch (Math.floor(next() * 3)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // swapped letters
    case 1:
      return word.slice(0, at) + word.slice(at + 1); // dropped letter
    default:
      return word.slice(0, at) + 'eaiou'[Math.floor(next() * 5)] + word.slice(at + 1); // wrong letter
  }
}

export interface BenchQuery {
  query: string;
  expectedTitle: string;
}

/** Queries from real titles with one or two typos, sometimes reordered, sometimes lower-case. */
export function typoQueries(snapshot: LibrarySnapshot, count: number, seed = 7): BenchQuery[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const runbook = pick(next, snapshot.runbooks);
    const words = runbook.title.toLowerCase().split(' ');
    const typoAt = Math.floor(next() * words.length);
    let query = words.map((word, index) => (index === typoAt || next() < 0.2 ? typo(word, next) : word));
    if (next() < 0.3) query = [...query].reverse();
    return { query: query.join(' '), expectedTitle: runbook.title };
  });
}
