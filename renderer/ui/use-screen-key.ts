import { useEffect } from 'react';
import { useDialogStore } from '../app/services/dialog-store';
import { isTyping } from './is-typing';
import { isPlainKey } from './keys';

interface ScreenKeyOptions {
  /** Off: the key does nothing (the action is not offered now). */
  enabled?: boolean;
  /** Whether Shift must be held (true) or must not be (false); either, when absent. */
  shift?: boolean;
  /**
   * Acts only on a press no other handler took (a run's panel closing on Esc): looked at once
   * every handler of the press has run, since the order handlers were added in says nothing.
   */
  leftOver?: boolean;
  /**
   * Acts in a text field too (Esc, which types nothing): only on a press the field and its form
   * left alone, so an Esc that cancels an edit still only cancels it.
   */
  whileTyping?: boolean;
}

/**
 * A single-letter key of the screen on view: ignored while typing, while a dialog is open, or once
 * another handler took it.
 */
export function useScreenKey(key: string, action: () => void, { enabled = true, shift, leftOver = false, whileTyping = false }: ScreenKeyOptions = {}) {
  // Subscribed again after each render, so the key acts with what the screen shows now.
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (useDialogStore.getState().dialog || (isTyping(event.target) && !whileTyping) || event.defaultPrevented || !isPlainKey(event, key)) return;
      if (shift !== undefined && event.shiftKey !== shift) return;
      if (leftOver) {
        setTimeout(() => event.defaultPrevented || action(), 0);
        return;
      }
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
