/** Words, as a title and a query are split into them: letters and digits, whatever lies between. */
export const titleWords = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Whether each word typed starts a word of `title` (any order): `inc up` matches "Message: Incident
 * update". The query is split as the title is, so a title copied with its punctuation
 * (`Message: Incident update`) matches itself. An empty query matches every title. The palette
 * finds its actions this way, and the offline copy its pages.
 */
export function titleMatches(title: string, query: string): boolean {
  const words = titleWords(title);
  return titleWords(query).every((word) => words.some((titleWord) => titleWord.startsWith(word)));
}
