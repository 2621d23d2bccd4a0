import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * When the element with focus inside `container` is taken away by a render (a Done button that
 * gives way to "Finish the run", a form closed by its own Enter or Esc), the focus falls to the
 * window's body: the next Tab starts again from the top of the window, and a screen reader loses
 * its place. This puts it on `fallback()` instead: what now stands where the responder was. Focus
 * moved on purpose (a click elsewhere, Tab) is left alone: only an element removed while focused counts.
 */
export function useKeepFocus(container: RefObject<HTMLElement | null>, fallback: () => HTMLElement | null | undefined): void {
  const focused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      focused.current = event.target instanceof HTMLElement ? event.target : null;
    };
    element.addEventListener('focusin', onFocusIn);
    return () => element.removeEventListener('focusin', onFocusIn);
  }, [container]);
  // After every render: the one that removed the focused element is the one to put it back.
  useLayoutEffect(() => {
    const gone = focused.current;
    if (!gone || gone.isConnected) return;
    focused.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    fallback()?.focus();
  });
}
