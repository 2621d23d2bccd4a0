import type { KeyboardEvent } from 'react';

/** Tab and Shift+Tab cycle within a dialog while it is open: focus never wanders to the page behind it. */
export function trapTab(event: KeyboardEvent, container: HTMLElement | null) {
  if (!container) return;
  const focusable = [...container.querySelectorAll<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])')].filter((element) => !element.hasAttribute('disabled'));
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
