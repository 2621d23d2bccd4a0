import { useEffect } from 'react';
import { useSearchStore } from '../stores/search-store';
import { useSyncStore } from '../stores/sync-store';
import { isTyping } from './is-typing';


/** Ctrl/Cmd+K anywhere, or `/` when not typing, opens the search palette; Ctrl/Cmd+Shift+S syncs. */
export function useGlobalShortcuts(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void useSyncStore.getState().syncNow();
        return;
      }
      const palette = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (palette || slash) {
        event.preventDefault();
        useSearchStore.getState().openPalette();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
