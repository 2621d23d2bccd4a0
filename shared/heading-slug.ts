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
