import { fencedLines, findHeadings, titleHeading, type Heading } from '../library/markdown/markdown-blocks';
import { procedures } from '../library/document/procedures';
import type { Priority, Runbook } from '../model';

/** What the browser and the palette list show of a runbook, and what fuse.js searches. */
export interface RunbookSummary {
  id: string;
  title: string;
  type: string;
  priority?: Priority;
  tags: string[];
  aliases: string[];
  /** The alert names it answers (`alerts:`), when it names any. */
  alerts?: string[];
  summary: string;
  lastReviewed?: string;
  reviewEvery: string;
  /** Set when the runbook has no procedure: a document, to read, not to run. */
  document?: true;
}

export function summaryOf(runbook: Runbook): RunbookSummary {
  return {
    id: runbook.id,
    title: runbook.title,
    type: runbook.type,
    priority: runbook.priority,
    tags: runbook.tags,
    aliases: runbook.aliases,
    // Stored before `alerts:` existed, a runbook lacks the field.
    ...(runbook.alerts?.length ? { alerts: runbook.alerts } : {}),
    summary: runbook.summary.length > 200 ? `${runbook.summary.slice(0, 197)}...` : runbook.summary,
    lastReviewed: runbook.lastReviewed,
    reviewEvery: runbook.reviewEvery,
    ...(procedures(runbook).length ? {} : { document: true as const }),
  };
}

/** The full-text document MiniSearch indexes for one runbook. */
export interface FullTextDocument {
  id: string;
  title: string;
  aliases: string;
  tags: string;
  /** The words of the id and file name: `redis-replication-broken.md` is found by them whatever its title. */
  names: string;
  /** Every heading of the body with the headings above it: a long document's procedures are found by their names. */
  headings: string;
  stepTitles: string;
  commands: string;
  body: string;
}

export function fullTextOf(runbook: Runbook): FullTextDocument {
  // One split and one fence scan of the body for its headings and its prose: the index build
  // reads every body, and the outline's slugs and line ranges were not needed here.
  const lines = runbook.body.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const headings = outlineHeadings(findHeadings(lines, fenced)).join(' \n ');
  return {
    id: runbook.id,
    title: runbook.title,
    // The alert names it answers are searched as its other names are: typing the alert finds it.
    aliases: [...runbook.aliases, ...(runbook.alerts ?? []), ...ownHeading(runbook)].join(' '),
    tags: runbook.tags.join(' '),
    names: runbook.id.split('/').join(' '),
    headings,
    // A step written as a heading (`### Step 1: Drain the pool`) is indexed once, as a heading.
    stepTitles: runbook.steps
      .filter((step) => !headings.includes(step.title))
      .map((step) => step.title)
      .join(' \n '),
    commands: runbook.commands.join(' \n '),
    body: proseOf(lines, fenced),
  };
}

/** The headings sectionOutline makes sections of, in order: all but the document's title (its only `#` heading). */
function outlineHeadings(headings: Heading[]): string[] {
  const titles = headings.filter((heading) => heading.level === 1);
  const title = titles.length === 1 ? titles[0] : undefined;
  return headings.filter((heading) => heading !== title).map((heading) => heading.text);
}

/** The body's `# Heading` when the front matter titles it otherwise: often the alert's name (`# KubePodCrashLooping`). */
function ownHeading(runbook: Runbook): string[] {
  const heading = titleHeading(runbook.body);
  return heading && heading.toLowerCase() !== runbook.title.toLowerCase() ? [heading] : [];
}

/** A heading of level 2 to 6; the `# Title` line stays in the prose, since the outline leaves it out (it is often the alert name). */
const ATX_HEADING = /^ {0,3}#{2,6}(?:[ \t]|$)/;

/** The body without its code blocks and section headings: commands and headings are indexed in their own fields, once. */
function proseOf(lines: string[], fenced: boolean[]): string {
  return lines.filter((line, index) => !fenced[index] && !ATX_HEADING.test(line)).join('\n');
}
