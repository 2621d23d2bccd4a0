import { findHeadings } from './markdown-blocks';
import { headingSlug, numberedSlug } from './heading-slug';

/** One heading of a document and the lines it governs: what search indexes and a procedure starts from. */
export interface OutlineSection {
  /** Its anchor as the page numbers it (`rollback`, then `rollback-1`): `#/runbook/<id>?section=<slug>`. */
  slug: string;
  heading: string;
  level: number;
  /** The headings it sits under, outermost first; the document's `# Title` is not among them. */
  parents: string[];
  /** The heading's line in the body. */
  line: number;
  /** Its content: the line after the heading up to `to` (exclusive), the next heading of its level or higher. */
  from: number;
  to: number;
}

/**
 * Every heading of a body with its parents and line range, in order; one linear pass (a stack of
 * open headings), since the body is outside content. The document's title (its first `#` heading,
 * when it is the only one of level 1) is not a section: every other heading sits under it.
 */
export function sectionOutline(body: string): OutlineSection[] {
  const lines = body.split(/\r?\n/);
  const headings = findHeadings(lines);
  const titles = headings.filter((heading) => heading.level === 1);
  const title = titles.length === 1 ? titles[0] : undefined;
  const seen = new Map<string, number>();
  const sections: OutlineSection[] = [];
  const open: OutlineSection[] = [];
  for (const heading of headings) {
    const slug = numberedSlug(headingSlug(heading.text), seen);
    if (heading === title) continue;
    for (let last = open[open.length - 1]; last && last.level >= heading.level; last = open[open.length - 1]) {
      last.to = heading.line;
      open.pop();
    }
    const section: OutlineSection = {
      slug,
      heading: heading.text,
      level: heading.level,
      parents: open.map((parent) => parent.heading),
      line: heading.line,
      from: heading.line + 1,
      to: lines.length,
    };
    sections.push(section);
    open.push(section);
  }
  return sections;
}
