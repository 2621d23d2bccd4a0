import { create } from 'zustand';
import type { RefusedEvent } from '../../../shared/incident/record-merge';
import type { BundleHeader, BundleProblem } from '../../../shared/sharing/incident-bundle';

/** What importing a bundle did to one incident. */
export interface IncidentImport {
  incidentId: string;
  /** Its title here, once this machine can show it (it has its declaration). */
  title?: string;
  added: number;
  alreadyHeld: number;
  refused: RefusedEvent[];
  /** New to this machine: it is now in Incidents. */
  joined: boolean;
  /** Why nothing of it could be saved (the database refused the write). */
  failed?: string;
}

/** What importing one bundle file did, shown in a summary dialog. */
export interface ImportSummary {
  fileName: string;
  header?: BundleHeader;
  /** Lines of the file that were not read, and why. */
  problems: BundleProblem[];
  /** Lines that named no incident. */
  unnamed: number;
  incidents: IncidentImport[];
}

interface BundleStore {
  /** The last import's summary, while its dialog is open. */
  summary?: ImportSummary;
  /** What the last export or import said, in words for the status line of the screen that asked. */
  outcome?: string;
  busy: boolean;
  set(change: Partial<Pick<BundleStore, 'summary' | 'outcome' | 'busy'>>): void;
}

export const useBundleStore = create<BundleStore>((set) => ({
  busy: false,
  set: (change) => set(change),
}));
