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
