import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { MILESTONES, type Milestone } from '../../shared/incident/incident-events';
import { declareIncident, goTo, openRunbookId, showKeys, showSeverity, type Place } from './services/app-actions';
import { setMilestone } from '../features/incident/incident-actions';
import { runFromPage } from '../features/library/procedure-in-view';
import { useDialogStore } from './services/dialog-store';
import { useSearchStore } from '../features/search/search-store';
import { useSyncStore } from '../features/sync/sync-store';
import { isTyping } from '../ui/is-typing';
import { focusPageTop } from '../ui/focus-page';
import { DECLARE_KEY, digitWith, isPlainKey, KEYS_HELP_KEY, MILESTONE_KEYS, PLACE_KEYS, SEVERITY_KEY, START_RUN_KEY, SYNC_KEY } from '../ui/keys';

const PLACE_BY_DIGIT = new Map<string, Place>(Object.entries(PLACE_KEYS).map(([place, digit]) => [digit, place as Place]));
const MILESTONE_BY_DIGIT = new Map<string, Milestone>(MILESTONES.map((milestone) => [MILESTONE_KEYS[milestone], milestone]));

/**
 * The keys that work on every screen (keys.ts names them): Ctrl/Cmd+K or `/` search, Ctrl/Cmd+Shift+S
 * sync, Ctrl/Cmd+digit a place (focus then in the page), Alt+digit a milestone, I declare, L the severity levels, ? every key, R run the
 * runbook on screen (the procedure in view, when it has several).
 * Single letters are left alone while typing, and none of these reach the page behind a dialog.
 */
export function useGlobalShortcuts(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (useDialogStore.getState().dialog) return;
      const command = event.ctrlKey || event.metaKey;
      if (command && event.shiftKey && event.key.toUpperCase() === SYNC_KEY) {
        event.preventDefault();
        void useSyncStore.getState().syncNow();
        return;
      }
      const palette = command && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !command && !event.altKey && !isTyping(event.target);
      if (palette || slash) {
        event.preventDefault();
        useSearchStore.getState().openPalette();
        return;
      }
      if (useSearchStore.getState().open) return;
      const place = PLACE_BY_DIGIT.get(digitWith(event, 'command') ?? '');
      const milestone = MILESTONE_BY_DIGIT.get(digitWith(event, 'option') ?? '');
      if (place) {
        const before = document.activeElement;
        // Rendered within this key press, so the page is there to take focus.
        flushSync(() => goTo(place));
        // A page that puts the cursor in a field of its own as it opens keeps it; otherwise Tab
        // goes on from the top of the page.
        if (document.activeElement === before) focusPageTop();
      }
      else if (milestone) void setMilestone(milestone);
      else if (isTyping(event.target) || event.defaultPrevented) return;
      // Rendered within this key press, so what is typed next lands in the dialog.
      else if (isPlainKey(event, DECLARE_KEY)) flushSync(declareIncident);
      else if (isPlainKey(event, SEVERITY_KEY)) flushSync(showSeverity);
      // `?` is Shift and / on most layouts: the character is what counts.
      else if (event.key === KEYS_HELP_KEY && !event.ctrlKey && !event.metaKey && !event.altKey) flushSync(showKeys);
      else if (isPlainKey(event, START_RUN_KEY) && openRunbookId()) flushSync(() => runFromPage(openRunbookId()!));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
