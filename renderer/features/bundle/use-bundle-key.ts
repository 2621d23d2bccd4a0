import { useEffect } from 'react';
import { useDialogStore } from '../../app/services/dialog-store';
import { isTyping } from '../../ui/is-typing';
import { isPlainKey } from '../../ui/keys';

/** A single-letter key of the screen on view: ignored while typing, while a dialog is open, or once another handler took it. */
export function useBundleKey(key: string, action: () => void) {
  // Subscribed again after each render, so the key acts with what the screen shows now.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (useDialogStore.getState().dialog || isTyping(event.target) || event.defaultPrevented || !isPlainKey(event, key)) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
