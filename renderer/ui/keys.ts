// The app's keys, named once: the handlers, the sidebar, the palette's actions and the buttons all
// show these labels, so what is on screen is what works.

const mac = () => /^mac/i.test(globalThis.navigator?.platform ?? '');

/** `⌘1` on macOS, `Ctrl 1` elsewhere. */
export const withCommand = (key: string) => (mac() ? `⌘${key}` : `Ctrl ${key}`);
/** `⌥1` on macOS, `Alt 1` elsewhere. */
export const withOption = (key: string) => (mac() ? `⌥${key}` : `Alt ${key}`);

export const PLACE_KEYS = { library: '1', incident: '2', incidents: '3', settings: '4', oncall: '5', messages: '6', notes: '7', health: '8' } as const;

/** Milestones are set with Alt (⌥) and their number, from anywhere. */
export const MILESTONE_KEYS = { detected: '1', acknowledged: '2', mitigated: '3', resolved: '4' } as const;

/** Declares an incident, from anywhere but a text field. */
export const DECLARE_KEY = 'I';
/** Opens the severity levels over any screen. */
export const SEVERITY_KEY = 'L';
/** On "From an alert": adds the chosen alert to the current incident's record. */
export const ADD_ALERT_KEY = 'A';
/** On a runbook opened from an alert: uses the alert's values that hold shell characters, quoted. */
export const USE_QUOTED_KEY = 'Q';
/** Shows every key, over any screen. */
export const KEYS_HELP_KEY = '?';
/** Starts a run of the runbook on screen. */
export const START_RUN_KEY = 'R';
/** On the incident page, with Shift: exchanges with the shared place now (plain S skips a step on the run screen). */
export const SHARE_NOW_KEY = 'S';
/** `⇧S` on macOS, `Shift S` elsewhere. */
export const withShift = (key: string) => (mac() ? `⇧${key}` : `Shift ${key}`);
/** Syncs the library from Git, from anywhere: with Ctrl (⌘) and Shift. */
export const SYNC_KEY = 'S';
/** `⌘⇧S` on macOS, `Ctrl Shift S` elsewhere. */
export const syncKeysLabel = () => (mac() ? `⌘⇧${SYNC_KEY}` : `Ctrl Shift ${SYNC_KEY}`);
/** On the incident page: exports the incident as a bundle file; on Incidents: exports everything since the time given. */
export const BUNDLE_EXPORT_KEY = 'B';
/** On Incidents: imports a bundle file (a file picker). */
export const BUNDLE_IMPORT_KEY = 'U';
/** On an incident's page that is not the current one: makes it current (joining one someone else declared). */
export const MAKE_CURRENT_KEY = 'M';
/** On an incident's page: into its note field. */
export const INCIDENT_NOTE_KEY = 'N';
/** On an incident's page: copies its export as Markdown. */
export const INCIDENT_EXPORT_KEY = 'E';

/** The run screen's keys (single letters, ignored while typing in a field). */
export const RUN_KEYS = {
  done: 'D',
  skip: 'S',
  fail: 'F',
  note: 'N',
  reopen: 'O',
  start: 'Enter',
  copy: 'C',
  rollback: 'B',
  params: 'P',
  finish: 'E',
  lesson: 'A',
} as const;

/** A single-letter shortcut pressed with no modifier. */
export function isPlainKey(event: KeyboardEvent, key: string): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && event.key.toLowerCase() === key.toLowerCase();
}

/** The digit of Ctrl/⌘ + digit or Alt/⌥ + digit, by physical key (Alt changes the character on macOS). */
export function digitWith(event: KeyboardEvent, modifier: 'command' | 'option'): string | undefined {
  const held = modifier === 'command' ? (event.ctrlKey || event.metaKey) && !event.altKey : event.altKey && !event.ctrlKey && !event.metaKey;
  const match = /^Digit([1-9])$/.exec(event.code);
  return held && !event.shiftKey && match ? match[1] : undefined;
}
