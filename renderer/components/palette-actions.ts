import { MILESTONES } from '../../shared/incident/incident-events';
import { declareIncident, goTo, openRunbookId, setMilestone, startRunOf, type Place } from '../stores/app-actions';
import { useIncidentStore } from '../stores/incident-store';
import { useRunbookStore } from '../stores/runbook-store';
import { useSyncStore } from '../stores/sync-store';
import { DECLARE_KEY, MILESTONE_KEYS, PLACE_KEYS, START_RUN_KEY, withCommand, withOption } from './keys';

export interface PaletteAction {
  id: string;
  title: string;
  /** The shortcut that does the same, as shown. */
  keys?: string;
  run(): void;
}

const PLACES: [Place, string][] = [
  ['library', 'Go to the library'],
  ['incident', 'Go to the current incident'],
  ['incidents', 'Go to incidents'],
  ['settings', 'Go to settings'],
  ['problems', 'Go to library problems'],
];

/** The actions that make sense now: a run only with a runbook open, milestones only with a current incident. */
export function availableActions(): PaletteAction[] {
  const actions: PaletteAction[] = [{ id: 'declare', title: 'Declare an incident', keys: DECLARE_KEY, run: declareIncident }];
  const runbookId = openRunbookId();
  if (runbookId) {
    const title = useRunbookStore.getState().runbook?.id === runbookId ? useRunbookStore.getState().runbook?.title : runbookId;
    actions.push({ id: 'start-run', title: `Start a run of “${title}”`, keys: START_RUN_KEY, run: () => startRunOf(runbookId) });
  }
  const incident = useIncidentStore.getState();
  if (incident.currentId) {
    for (const milestone of MILESTONES) {
      actions.push({ id: `milestone-${milestone}`, title: `Set milestone: ${milestone}, now`, keys: withOption(MILESTONE_KEYS[milestone]), run: () => void setMilestone(milestone) });
    }
  }
  for (const [place, title] of PLACES) actions.push({ id: `go-${place}`, title, keys: place in PLACE_KEYS ? withCommand(PLACE_KEYS[place as keyof typeof PLACE_KEYS]) : undefined, run: () => goTo(place) });
  if (useSyncStore.getState().available) actions.push({ id: 'sync', title: 'Sync the library now', keys: withCommand('Shift S'), run: () => void useSyncStore.getState().syncNow() });
  return actions;
}

/** Actions whose title has a word starting with each word typed; all of them for an empty query or a lone `>`. */
export function matchingActions(actions: PaletteAction[], query: string): PaletteAction[] {
  const words = query.replace(/^\s*>/, '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return actions;
  return actions.filter((action) => {
    const titleWords = action.title.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)));
  });
}

/** A query starting with `>` asks for actions only, as in VS Code. */
export const actionsOnly = (query: string) => /^\s*>/.test(query);
