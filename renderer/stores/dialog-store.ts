import { create } from 'zustand';

/** The one dialog open over the app, if any: shortcuts of the page behind it wait until it closes. */
export type Dialog = { kind: 'declare'; /** A run to start once it is declared. */ thenRun?: string } | { kind: 'start-run'; runbookId: string } | { kind: 'severity' };

interface DialogState {
  dialog?: Dialog;
  show(dialog: Dialog): void;
  close(): void;
}

export const useDialogStore = create<DialogState>((set) => ({
  show: (dialog) => set({ dialog }),
  close: () => set({ dialog: undefined }),
}));
