import { create } from 'zustand';
import type { NoteDraft } from '../../../shared/notes/local-note';

/** The one dialog open over the app, if any: shortcuts of the page behind it wait until it closes. */
export type Dialog = { kind: 'declare'; /** A run to start once it is declared. */ thenRun?: string } | { kind: 'start-run'; runbookId: string } | { kind: 'severity' }
  /** The current incident is resolved: where a run of `runbookId` should go (reopen it, a new incident, another open one). */
  | { kind: 'run-where'; runbookId: string }
  /** Writing a note: a new one (with what it is about), or editing `noteId`. */
  | { kind: 'note'; noteId?: string; preset?: Partial<NoteDraft> };

interface DialogState {
  dialog?: Dialog;
  show(dialog: Dialog): void;
  close(): void;
}

export const useDialogStore = create<DialogState>((set) => ({
  show: (dialog) => set({ dialog }),
  close: () => set({ dialog: undefined }),
}));
