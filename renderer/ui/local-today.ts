/** Today as YYYY-MM-DD on this machine: an override's end date and a review date are the responder's own day. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
