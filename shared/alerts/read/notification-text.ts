// Notification text, as a responder receives it and pastes it: Alertmanager's subject line
// (`[FIRING:2] KubePodCrashLooping (namespace=payments pod=api-7f9c)`, `[RESOLVED] …`, one per
// line), its default text templates (`Alerts Firing:` then per alert `Labels:` with
// ` - alertname = X` lines, `Annotations:`, `Source:`; the e-mail's `[2] Firing` and `Labels`),
// Slack-style `*Details:*` bullets, and a line of `alertname=X severity=…` pairs (an e-mail's
// "2 alerts for alertname=…", Opsgenie's `Tags:`). A PagerDuty or Opsgenie page carries the same
// subject and template text, so it is read here too and said to come from an e-mail.
// Each line is read once, left to right; a text with none of these is not an alert (undefined).
import type { AlertsRead, AlertState } from '../alert';
import { ALERT_LIMITS } from '../alert-limits';
import { AlertsCollector, capped } from './collect';
import { isLabelName, labelLine, pairOf, stripAround, words } from './text-pairs';

type Pairs = [string, string][];
interface Block { labels: Pairs; annotations: Pairs; state: AlertState }
/**
 * A subject line: the labels it shows and how many alerts it says it groups (`[FIRING:2]`), and
 * the `Name: value` lines right under it (`Summary: Error rate is 23.4%`), as its annotations.
 */
interface Subject { labels: Pairs; annotations: Pairs; state: AlertState; count: number }

export function readNotificationText(text: string): AlertsRead | undefined {
  const collector = new AlertsCollector(fromPagingEmail(text) ? 'email' : 'notification');
  const subjects: Subject[] = [];
  const blocks: Block[] = [];
  const tagged: Pairs[] = [];
  let state: AlertState = 'unknown';
  let block: Block | undefined;
  let mode: 'labels' | 'annotations' | undefined;
  let unnamed = 0;
  /** The subject whose lines follow, until a blank line or anything else: a walk's `Summary:` under its subject was dropped. */
  let under: Subject | undefined;
  const flush = () => {
    if (block && block.labels.some(([name]) => name === 'alertname')) blocks.push(block);
    block = undefined;
    mode = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const following = under;
    under = undefined;
    const heading = line.length <= 40 ? headingOf(line) : undefined;
    if (heading === 'labels' || heading === 'details' || heading?.endsWith(': labels')) {
      flush();
      // PagerDuty's details say `firing: Labels:` (or `resolved: Labels:`) for each alert.
      if (heading.startsWith('firing:') || heading.startsWith('resolved:')) state = heading.startsWith('firing:') ? 'firing' : 'resolved';
      block = { labels: [], annotations: [], state };
      mode = 'labels';
      continue;
    }
    if (heading === 'annotations' && block) {
      mode = 'annotations';
      continue;
    }
    if (heading === 'firing' || heading === 'alerts firing' || heading === 'resolved' || heading === 'alerts resolved') {
      flush();
      state = heading.endsWith('firing') ? 'firing' : 'resolved';
      continue;
    }
    if (heading === 'source' || line.toLowerCase().startsWith('source:')) {
      flush();
      continue;
    }
    const subject = subjectOf(line);
    if (subject) {
      flush();
      state = subject.state;
      if (subject.labels.some(([name]) => name === 'alertname')) {
        subjects.push(subject);
        under = subject;
      } else unnamed += 1;
      continue;
    }
    const annotation = following && !line.includes('alertname=') ? labelLine(line) : undefined;
    if (following && annotation) {
      following.annotations.push([annotation[0].toLowerCase(), annotation[1]]);
      under = following;
      continue;
    }
    if (block && mode) {
      const pair = labelLine(line);
      if (pair) {
        block[mode === 'labels' ? 'labels' : 'annotations'].push(pair);
        continue;
      }
      if (!line) continue;
      flush();
    }
    if (line.includes('alertname=')) {
      const pairs = words(line).flatMap((word) => { const pair = pairOf(word); return pair ? [pair] : []; });
      if (pairs.some(([name]) => name === 'alertname')) tagged.push(pairs);
    }
  }
  flush();
  const tagsByName = new Map<string, Pairs>();
  for (const pairs of tagged) {
    const name = pairs.find(([label]) => label === 'alertname')?.[1] ?? '';
    const kept = tagsByName.get(name) ?? [];
    // Enough for a whole alert's labels; a flood of tag lines adds nothing more.
    if (kept.length < ALERT_LIMITS.maxLabels) kept.push(...pairs.slice(0, ALERT_LIMITS.maxLabels));
    tagsByName.set(name, kept);
  }
  if (unnamed) collector.problem('a notification line without an alert name was left out');
  const found: { labels: Pairs; annotations?: Pairs; state: AlertState }[] = blocks.length
    ? blocks
    : subjects.length
      ? subjects.map((subject) => ({ labels: withTags(subject.labels, tagsByName), annotations: subject.annotations, state: subject.state }))
      : tagged.map((pairs) => ({ labels: pairs, state }));
  if (!found.length && !unnamed) return undefined;
  if (!blocks.length) {
    for (const subject of subjects) {
      const name = subject.labels.find(([label]) => label === 'alertname')?.[1];
      if (subject.count > 1) collector.problem(`${name}: the notification groups ${subject.count} alerts and gives only the labels they share`);
    }
  }
  const seen = new Set<string>();
  for (const { labels, annotations = [], state: alertState } of found) {
    // The same alert twice (an e-mail's subject and its first line) is one alert.
    const key = JSON.stringify([alertState, labels, annotations]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (collector.full) collector.passOver();
    else collector.add({ labels: capped(labels, 'label', collector), annotations: capped(annotations, 'annotation', collector), state: alertState });
  }
  return collector.result();
}

/** A short line as a heading word: `Labels:`, `*Details:*`, `[2] Firing`, `Alerts Resolved:`. */
function headingOf(line: string): string {
  let text = stripAround(line, '*#_: \t');
  if (text.startsWith('[')) text = text.slice(text.indexOf(']') + 1).trim();
  return text.toLowerCase();
}

/**
 * A line holding Alertmanager's `[FIRING:n]` or `[RESOLVED]` (anywhere: a PagerDuty subject puts
 * `[Triggered] #1234` first): `name=value` pairs before and inside the parentheses are labels,
 * and the first bare word after the mark is the alert's name. A PagerDuty `Resolved` first says
 * the page is resolved whatever the mark says.
 */
function subjectOf(line: string): Subject | undefined {
  const mark = markOf(line);
  if (!mark) return undefined;
  const lower = line.slice(0, 12).toLowerCase();
  const state: AlertState = lower.startsWith('[resolved]') || lower.startsWith('resolved ') ? 'resolved' : mark.state;
  const rest = line.slice(mark.end);
  const open = rest.indexOf('(');
  const shut = rest.lastIndexOf(')');
  const head = open < 0 ? rest : rest.slice(0, open);
  const inside = open < 0 ? '' : rest.slice(open + 1, shut > open ? shut : rest.length);
  const labels: Pairs = [];
  let name: string | undefined;
  for (const found of words(head)) {
    const pair = pairOf(found);
    if (pair) labels.push(pair);
    else if (name === undefined && isLabelName(found.replace(/[:.-]/g, '_'))) name = found;
  }
  for (const found of words(inside)) {
    const pair = pairOf(found);
    if (pair) labels.push(pair);
  }
  if (name !== undefined && !labels.some(([label]) => label === 'alertname')) labels.unshift(['alertname', name]);
  return { labels, annotations: [], state, count: mark.count };
}

/**
 * The mark of a subject: `[FIRING:n]`, `[FIRING]`, `[RESOLVED]` or `[RESOLVED:n]` anywhere, or
 * at the start `FIRING[n]` / `RESOLVED[n]` (a Slack title some teams use); where it ends.
 */
function markOf(line: string): { state: AlertState; count: number; end: number } | undefined {
  for (const word of ['FIRING', 'RESOLVED'] as const) {
    const state = word === 'FIRING' ? 'firing' : 'resolved';
    const at = line.indexOf(`[${word}`);
    if (at >= 0) {
      const close = line.indexOf(']', at);
      const after = close < 0 ? undefined : line.slice(at + 1 + word.length, close);
      if (after === '') return { state, count: 1, end: close + 1 };
      if (after?.startsWith(':') && isCount(after.slice(1))) return { state, count: Number(after.slice(1)), end: close + 1 };
    }
    if (line.startsWith(`${word}[`)) {
      const close = line.indexOf(']');
      const count = line.slice(word.length + 1, close);
      if (isCount(count)) return { state, count: Number(count), end: close + 1 };
    }
  }
  return undefined;
}

const isCount = (text: string) => text.length > 0 && text.length <= 6 && [...text].every((char) => char >= '0' && char <= '9');

/** The pairs of `alertname=` lines of the same alert added where the subject lacks them (Opsgenie's `Tags:`). */
function withTags(labels: Pairs, tagsByName: ReadonlyMap<string, Pairs>): Pairs {
  const name = labels.find(([label]) => label === 'alertname')?.[1] ?? '';
  const have = new Set(labels.map(([label]) => label));
  const more = tagsByName.get(name) ?? [];
  return [...labels, ...more.filter(([label]) => !have.has(label) && (have.add(label), true))];
}

/** A page from PagerDuty or Opsgenie, or an e-mail: said so on screen. */
function fromPagingEmail(text: string): boolean {
  const start = text.slice(0, 4096).toLowerCase();
  return start.includes('pagerduty') || start.includes('opsgenie') || start.startsWith('subject:') || start.includes('\nsubject:') || start.startsWith('from:');
}
