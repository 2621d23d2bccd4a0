import { useLayoutEffect } from 'react';

/**
 * A dialog or panel over the page takes the focus as it opens (before paint: keys typed right after
 * the one that opened it land in it) and gives it back where it was when it closes. `target` is
 * read once, as it opens.
 */
export function usePanelFocus(target: () => HTMLElement | null | undefined): void {
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    target()?.focus();
    return () => returnTo?.focus();
    // Once, as it opens: later renders move nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
