// Which parts of a runbook can be run, step by step. Teams write one procedure per file (a
// `## Steps` list: Failsafe's own format), alert runbooks (Diagnosis, Mitigation) or one long
// "Operations Runbook" with a dozen procedures as sections. A section is a procedure when its own
// body (before its sub-headings) has a numbered list, a checklist or a code block of numbered
// comments, or when it has a Steps sub-heading; tables of contents, overviews, references and
// the like never are. A file with no procedure is a document: readable, searchable, not runnable.
// Every pass is linear in the body (outside content); nothing here throws.
import type { Runbook, RunbookProcedure, RunbookStep } from '../../model';
import { codeFences, topLevelListItems, type CodeFence } from '../markdown/markdown-blocks';
import { extractSteps, numbered, sectionKind, splitSections, stepsOfSection, type RunbookStructure } from '../markdown/runbook-sections';
import { sectionOutline, type OutlineSection } from '../markdown/section-outline';
import { isAsciiLetter, isNeverProcedure, MARKDOWN_INFO, procedureParts, type ProcedureParts } from './procedure-parts';

/** The runbook's procedures, in the order of its body (see the top of this file). */
export function runbookProcedures(body: string, title: string, structure: RunbookStructure = splitSections(body)): RunbookProcedure[] {
  return recognise(body, title, true, structure);
}

/** A stored runbook's procedures; one stored before procedures existed is one procedure of its steps, or none. */
export function procedures(runbook: Pick<Runbook, 'title' | 'body' | 'steps' | 'verification'> & { procedures?: RunbookProcedure[] }): RunbookProcedure[] {
  if (Array.isArray(runbook.procedures)) return runbook.procedures;
  if (!runbook.steps.length) return [];
  return [{ section: '', title: runbook.title, parents: [], fromLine: 0, toLine: runbook.body.split(/\r?\n/).length, steps: runbook.steps, verification: runbook.verification }];
}

/**
 * What a run of procedure `index` is called: the runbook's title when the runbook is one procedure
 * as a whole, else both ("Operations Runbook › Roll Back Deployment").
 */
export function procedureTitle(runbook: Pick<Runbook, 'title' | 'body' | 'steps' | 'verification'> & { procedures?: RunbookProcedure[] }, index = 0): string {
  const chosen = procedures(runbook)[index];
  return !chosen || isWhole(runbook.title, chosen) ? runbook.title : `${runbook.title} › ${chosen.title}`;
}

/** The procedure is the runbook as a whole (or there is none): a run of it is a run of the runbook, as before procedures. */
export function isWhole(title: string, procedure: RunbookProcedure | undefined): boolean {
  return !procedure || (procedure.section === '' && procedure.title === title);
}

/**
 * The procedure a reader in section `slug` means: the innermost one around that section's heading,
 * else the first that starts inside the section (a chapter whose sub-sections are procedures).
 * Its index in `found`, or undefined.
 */
export function procedureInSection(found: readonly RunbookProcedure[], body: string, slug: string | undefined): number | undefined {
  const section = slug === undefined ? undefined : sectionOutline(body).find((candidate) => candidate.slug === slug);
  if (!section) return undefined;
  let around: number | undefined;
  found.forEach((procedure, index) => {
    if (procedure.fromLine <= section.line && section.line < procedure.toLine && (around === undefined || procedure.fromLine >= found[around].fromLine)) around = index;
  });
  if (around !== undefined) return around;
  const inside = found.findIndex((procedure) => procedure.fromLine >= section.line && procedure.fromLine < section.to);
  return inside >= 0 ? inside : undefined;
}

/** `structure`: the body's, when the caller has already split it (the parser has: splitting twice cost a tenth of a sync's parse). */
function recognise(body: string, title: string, outer: boolean, structure: RunbookStructure = splitSections(body)): RunbookProcedure[] {
  const lines = structure.lines;
  // Failsafe's own format, and alert runbooks: the whole file is one procedure, as it always was.
  if (structure.sections.some((section) => section.kind === 'steps') || isAlertRunbook(structure)) {
    const steps = extractSteps(structure);
    return steps.length ? [whole(title, lines.length, steps, verificationOf(structure))] : [];
  }
  if (isReportTitle(title)) return [];
  const outline = sectionOutline(body);
  const fences = codeFences(lines);
  const found: RunbookProcedure[] = [];
  const rootEnd = outline.length ? outline[0].line : lines.length;
  const root = procedureParts(lines, fences, 0, rootEnd);
  if (root.main.steps.length) found.push(whole(title, rootEnd, numbered(root.main.steps), root.main.verification));
  found.push(...sectionProcedures(lines, fences, outline));
  if (outer) found.push(...embeddedProcedures(lines, fences, outline));
  return found.sort((a, b) => a.fromLine - b.fromLine);
}

function whole(title: string, toLine: number, steps: RunbookStep[], verification: string[]): RunbookProcedure {
  return { section: '', title, parents: [], fromLine: 0, toLine, steps, verification };
}

function verificationOf(structure: RunbookStructure): string[] {
  const section = structure.sections.find((candidate) => candidate.kind === 'verification');
  return topLevelListItems(section?.content ?? '').map((item) => item.text);
}

/** Headings of alert runbooks (prometheus-operator, OpenShift): their sections are the steps. */
const ALERT_HEADINGS = new Set(['diagnosis', 'mitigation']);

function isAlertRunbook(structure: RunbookStructure): boolean {
  return structure.sections.some((section) => ALERT_HEADINGS.has(section.heading.trim().toLowerCase()));
}

/** A report of work done ("Task 25.3: Operational Runbooks - COMPLETE", "Migration summary") describes procedures; it is not one. */
const REPORT_WORDS = new Set(['complete', 'completed', 'done', 'finished', 'summary', 'report', 'recap', 'retrospective', 'postmortem', 'post-mortem']);

/** Whether a title names a report of work done (its last word Complete, Done, Summary, Report…). */
export function isReportTitle(title: string): boolean {
  let end = title.length;
  while (end > 0 && !isAsciiLetter(title[end - 1])) end--;
  let start = end;
  while (start > 0 && (isAsciiLetter(title[start - 1]) || title[start - 1] === '-')) start--;
  return REPORT_WORDS.has(title.slice(start, end).toLowerCase());
}

function sectionProcedures(lines: string[], fences: readonly CodeFence[], outline: OutlineSection[]): RunbookProcedure[] {
  const found: RunbookProcedure[] = [];
  const consumed = new Uint8Array(outline.length);
  let skipUntil = -1;
  outline.forEach((section, index) => {
    if (section.line < skipUntil || consumed[index]) return;
    if (isNeverProcedure(section.heading)) {
      skipUntil = section.to;
      return;
    }
    const children = directChildren(outline, index);
    const ownEnd = index + 1 < outline.length && outline[index + 1].line < section.to ? outline[index + 1].line : section.to;
    const place = { section: section.slug, parents: section.parents, fromLine: section.line };
    const stepsChild = children.find((child) => sectionKind(outline[child].heading) === 'steps');
    if (stepsChild !== undefined) {
      const child = outline[stepsChild];
      const own = stepsOfSection(lines, child.from, child.to);
      const steps = own.length ? own : procedureParts(lines, fences, child.from, child.to).main.steps;
      if (steps.length) {
        const checks = children.filter((candidate) => isVerification(outline[candidate].heading)).flatMap((candidate) => checksOf(lines, outline[candidate]));
        found.push({ ...place, title: section.heading, toLine: section.to, steps: numbered(steps), verification: checks });
        skipUntil = section.to;
        return;
      }
    }
    const parts = procedureParts(lines, fences, section.from, ownEnd);
    if (parts.main.steps.length) {
      const checkChildren = children.filter((candidate) => isVerification(outline[candidate].heading));
      for (const child of checkChildren) consumed[child] = 1;
      const verification = [...parts.main.verification, ...checkChildren.flatMap((child) => checksOf(lines, outline[child]))];
      const toLine = checkChildren.length ? outline[checkChildren[checkChildren.length - 1]].to : ownEnd;
      found.push(procedureOf(place, section.heading, toLine, parts.main, verification));
    }
    for (const part of parts.rollbacks) {
      const toLine = part.steps[part.steps.length - 1].toLine;
      found.push(procedureOf({ ...place, parents: [...section.parents, section.heading], fromLine: part.line }, part.label, toLine, part, part.verification));
    }
  });
  return found;
}

function procedureOf(place: Pick<RunbookProcedure, 'section' | 'parents' | 'fromLine'>, title: string, toLine: number, parts: ProcedureParts, verification: string[]): RunbookProcedure {
  return { ...place, title, toLine, steps: numbered(parts.steps), verification };
}

/** The sections right under `index`: at most six levels deep, so every section is looked at a bounded number of times. */
function directChildren(outline: OutlineSection[], index: number): number[] {
  const parent = outline[index];
  const children: number[] = [];
  for (let next = index + 1; next < outline.length && outline[next].line < parent.to; next++) {
    if (outline[next].parents.length === parent.parents.length + 1) children.push(next);
  }
  return children;
}

function isVerification(heading: string): boolean {
  const lower = heading.trim().toLowerCase();
  return sectionKind(heading) === 'verification' || lower.startsWith('post-') || lower.startsWith('post ');
}

function checksOf(lines: string[], section: OutlineSection): string[] {
  return topLevelListItems(lines.slice(section.from, section.to).join('\n')).map((item) => item.text);
}

/**
 * Runbooks written out inside a Markdown code block (an implementation plan that shows the
 * runbooks it asks for): each is read as a document of its own, and its procedures belong to the
 * section the block stands in. A template (its title a placeholder such as `[Procedure Name]`) is not one.
 */
function embeddedProcedures(lines: string[], fences: readonly CodeFence[], outline: OutlineSection[]): RunbookProcedure[] {
  const found: RunbookProcedure[] = [];
  let enclosing = -1;
  for (const fence of fences) {
    if (!MARKDOWN_INFO.has(fence.info)) continue;
    while (enclosing + 1 < outline.length && outline[enclosing + 1].line < fence.open) enclosing++;
    const content = lines.slice(fence.open + 1, fence.close).join('\n');
    const title = splitSections(content).title;
    if (!title || '[<{'.includes(title[0])) continue;
    const section = enclosing >= 0 ? outline[enclosing] : undefined;
    const parents = section ? [...section.parents, section.heading] : [];
    const offset = fence.open + 1;
    for (const inner of recognise(content, title, false)) {
      found.push({
        section: section?.slug ?? '',
        title: inner.section === '' ? title : inner.title,
        parents: inner.section === '' ? parents : [...parents, title, ...inner.parents],
        fromLine: inner.fromLine + offset,
        toLine: Math.min(inner.toLine + offset, fence.close),
        steps: inner.steps.map((step) => ({ ...step, fromLine: step.fromLine + offset, toLine: step.toLine + offset })),
        verification: inner.verification,
      });
    }
  }
  return found;
}
