// What a run of one procedure of a long document offers when a step fails. An "Operations
// Runbook" keeps the fix of a procedure beside its steps (`**Resolution**:` after the
// investigation commands) and its rollbacks elsewhere in the file ("Roll Back Deployment", a
// `**Rollback Procedure**:` under another procedure): a run of one procedure copies both, since
// the document's own Rollback section, which a runbook of one procedure has, is rarely there.
// Linear scans of the body (outside content); nothing here throws.
import type { RunbookProcedure } from '../../model';
import { codeFences, findHeadings, type CodeFence } from '../markdown/markdown-blocks';
import { sectionKind } from '../markdown/runbook-sections';
import { sectionOutline } from '../markdown/section-outline';

/** One part of the document shown beside a failed step of a run of one of its procedures. */
export interface RecoveryPart {
  /** `procedure`: the run's own section after its steps (its Resolution, Fix…); `rollback`: a rollback elsewhere in the document. */
  kind: 'procedure' | 'rollback';
  /** The heading it stands under, as the document writes it ("Roll Back Deployment"; "Deploy New Version › Rollback Procedure"). */
  heading: string;
  /** The page's slug to open it at (`#/runbook/<id>?section=<slug>`). */
  section: string;
  markdown: string;
}

/** At most this many rollbacks of the document travel with a run: the panel is read in a hurry, and the copy is stored per run. */
export const MAX_ROLLBACKS = 6;

/**
 * The recovery parts for a run of `chosen`, one of `all` (the document's procedures): first what
 * the chosen procedure's section holds after its steps, then the document's rollback sections and
 * rollback blocks outside it, in the order of the body.
 */
export function recoveryParts(body: string, all: readonly RunbookProcedure[], chosen: RunbookProcedure): RecoveryPart[] {
  const lines = body.split(/\r?\n/);
  const fences = codeFences(lines);
  const parts: RecoveryPart[] = [];
  const own = afterSteps(lines, fences, chosen);
  if (own.markdown) parts.push({ kind: 'procedure', heading: chosen.title, section: chosen.section, markdown: own.markdown });
  // What the run shows as its own is not offered again; a Rollback sub-section after it (under a
  // Steps sub-section's procedure) is, as a rollback of its own.
  const taken: [number, number][] = [[chosen.fromLine, own.end]];
  const overlaps = (from: number, to: number) => taken.some(([start, end]) => from < end && start < to);
  const rollbacks: (RecoveryPart & { line: number })[] = [];
  // Each list is in the body's order, so the first MAX_ROLLBACKS of both together are among the
  // first MAX_ROLLBACKS of each: collecting no more keeps `taken` short and the work linear.
  for (const section of sectionOutline(body)) {
    if (rollbacks.length >= MAX_ROLLBACKS) break;
    if (sectionKind(section.heading) !== 'rollback' || overlaps(section.line, section.to)) continue;
    const markdown = tidy(lines.slice(section.from, section.to));
    if (!markdown) continue;
    taken.push([section.line, section.to]);
    rollbacks.push({ kind: 'rollback', heading: section.heading, section: section.slug, markdown, line: section.line });
  }
  // A rollback written as a bold label under another procedure (`**Rollback Procedure**:`) is a procedure of its own.
  const fromSections = rollbacks.length;
  for (const procedure of all) {
    if (rollbacks.length - fromSections >= MAX_ROLLBACKS) break;
    if (procedure.section === '' || sectionKind(procedure.title) !== 'rollback') continue;
    const to = pastFence(fences, procedure.toLine);
    if (overlaps(procedure.fromLine, to)) continue;
    const markdown = tidy(lines.slice(procedure.fromLine + 1, to));
    if (!markdown) continue;
    taken.push([procedure.fromLine, to]);
    const under = procedure.parents[procedure.parents.length - 1];
    rollbacks.push({ kind: 'rollback', heading: under ? `${under} › ${procedure.title}` : procedure.title, section: procedure.section, markdown, line: procedure.fromLine });
  }
  rollbacks.sort((a, b) => a.line - b.line);
  return [...parts, ...rollbacks.slice(0, MAX_ROLLBACKS).map(({ line: _line, ...part }) => part)];
}

/**
 * The procedure's lines after its last step, up to its end or its next sub-heading (a Verification
 * sub-section is already the run's checks): the Resolution, Fix or Rollback block written after
 * the steps ('' when nothing but blank lines and rules is there), and the line where it ends.
 */
function afterSteps(lines: string[], fences: readonly CodeFence[], procedure: RunbookProcedure): { markdown: string; end: number } {
  const lastStep = procedure.steps.reduce((end, step) => Math.max(end, step.toLine), procedure.fromLine + 1);
  const from = pastFence(fences, lastStep);
  const to = Math.min(procedure.toLine, lines.length);
  if (from >= to) return { markdown: '', end: Math.max(from, procedure.fromLine + 1) };
  const rest = lines.slice(from, to);
  const heading = findHeadings(rest)[0];
  return heading ? { markdown: tidy(rest.slice(0, heading.line)), end: from + heading.line } : { markdown: tidy(rest), end: to };
}

/** A line range's end moved past the closing fence when it falls inside a code block (a step cut from its comments ends there). */
function pastFence(fences: readonly CodeFence[], end: number): number {
  // Fences are in order: a binary search keeps this linear in the body over all calls.
  let low = 0;
  let high = fences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const fence = fences[middle];
    if (fence.close < end) low = middle + 1;
    else if (fence.open >= end) high = middle - 1;
    else return fence.close + 1;
  }
  return end;
}

/** The lines as Markdown without the blank lines and thematic breaks (`---`) around them. */
function tidy(lines: string[]): string {
  const isEdge = (line: string) => {
    const marks = line.replace(/\s/g, '');
    return marks === '' || (marks.length >= 3 && '-*_'.includes(marks[0]) && [...marks].every((mark) => mark === marks[0]));
  };
  let start = 0;
  let end = lines.length;
  while (start < end && isEdge(lines[start])) start++;
  while (end > start && isEdge(lines[end - 1])) end--;
  return lines.slice(start, end).join('\n');
}
