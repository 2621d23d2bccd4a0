/**
 * Puts focus on the page (its main region) unless it is in the page already: after Ctrl+digit, Tab
 * and the page's own keys start from the page, not from the sidebar button the responder last
 * tabbed to (where, before, the next Tab or Enter acted on the sidebar). A field the page focuses
 * itself keeps focus.
 */
export function focusPage(): void {
  const main = document.querySelector<HTMLElement>('main.app-main');
  if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
}

/**
 * Puts focus on the page itself, wherever it was, so Tab goes on from the page's top: what Ctrl
 * and a digit promise, also on the page already open (left in a field further down, the next Tab
 * and typing went on from there: a name typed after Ctrl+4 and Tab unticked automatic sync).
 */
export function focusPageTop(): void {
  document.querySelector<HTMLElement>('main.app-main')?.focus({ preventScroll: true });
}
