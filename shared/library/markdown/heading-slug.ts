import { findHeadings } from './markdown-blocks';

/**
 * The anchor of a heading as GitHub and most Markdown sites make it (`## Fail over the primary!` is
 * `#fail-over-the-primary`), so links written for the team's repo find their section here too.
 */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** In the page, headings carry this prefix: an id equal to a global name (`failsafe`) would shadow it on `window`. */
export const SECTION_ID_PREFIX = 'section-';

export interface HeadingAnchor {
  level: number;
  text: string;
  /** The element id the rendered heading carries. */
  id: string;
}

/**
 * The anchors of a document's ATX headings, numbered as GitHub numbers repeats (`steps`,
 * `steps-1`). `seen` carries the counts across pieces of one document rendered apart, and is updated.
 */
export function headingAnchors(markdown: string, seen: Map<string, number> = new Map()): HeadingAnchor[] {
  return findHeadings(markdown.split(/\r?\n/)).map((heading) => ({ level: heading.level, text: heading.text, id: SECTION_ID_PREFIX + numberedSlug(headingSlug(heading.text), seen) }));
}

/** The slug, or the slug and its count when it was used before; records the use. */
export function numberedSlug(slug: string, seen: Map<string, number>): string {
  const count = seen.get(slug) ?? 0;
  seen.set(slug, count + 1);
  return count ? `${slug}-${count}` : slug;
}
