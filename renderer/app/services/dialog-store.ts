import type { Alert } from '../../../shared/alerts/alert';
import { create } from 'zustand';
import type { NoteDraft } from '../../../shared/notes/local-note';
import type { EventBody } from '../../../shared/incident/incident-events';

/** The one dialog open over the app, if any: shortcuts of the page behind it wait until it closes. */
// `procedure`: which of the runbook's procedures to run (its index in `procedures(runbook)`); its first when absent.
export type Dialog = { kind: 'declare'; /** A run to start once it is declared. */ thenRun?: string; thenProcedure?: number; /** Declared from this alert: title and severity from it, the alert its first event. */ fromAlert?: Alert } | { kind: 'start-run'; runbookId: string; procedure?: number } | { kind: 'severity' }
  /** The current incident is resolved: where a run of `runbookId` should go (reopen it, a new incident, another open one). */
  | { kind: 'run-where'; runbookId: string; procedure?: number }
  /** R on a runbook of several procedures, or of none: which one to run (`inView`: the section the reader is in). */
  | { kind: 'procedures'; runbookId: string; inView?: string }
  /**
   * Writing a note: a new one (with what it is about), or editing `noteId`. `saved` is told the
   * title once it is stored (a lesson written in a run goes into the run's record too).
   */
  | { kind: 'note'; noteId?: string; preset?: Partial<NoteDraft>; saved?: (title: string) => void }
  /** What importing a bundle file did (the summary itself is in the bundle store). */
  | { kind: 'bundle-summary' }
  /** Resolving an incident with runs still open: `bodies` (what would resolve it) wait for the responder's word. */
  | { kind: 'resolve'; incidentId: string; bodies: EventBody[] }
  /** A first sync asked for during an open incident: it replaces the bundled library the incident is using. */
  | { kind: 'first-sync' }
  /** Every key of the app (?). */
  | { kind: 'keys' };

interface DialogState {
  dialog?: Dialog;
  show(dialog: Dialog): void;
  close(): void;
}

export const useDialogStore = create<DialogState>((set) => ({
  show: (dialog) => set({ dialog }),
  close: () => set({ dialog: undefined }),
}));
