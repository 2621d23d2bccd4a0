/** Widgets where letters and Enter belong to what has focus: a list moves by them, a dialog takes them. */
const OWNS_KEYS = '[role="dialog"], [role="alertdialog"], [role="listbox"], [role="option"], [role="combobox"], [role="grid"], [role="tree"], [role="menu"]';

/**
 * Whether a key goes to what has focus rather than to the page: a text field (or any form control),
 * an editable element, a list or a dialog. Single-key shortcuts (I, L, R, `/`, `[`, `]` and the run
 * screen's letters) act only when this is false.
 */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT' || element.isContentEditable) return true;
  return element.closest(OWNS_KEYS) !== null;
}
