import { useEffect } from 'react';
import { BUNDLE_EXPORT_KEY } from '../../ui/keys';
import { exportIncidentBundle } from './bundle-export';
import { useBundleStore } from './bundle-store';
import { useScreenKey } from '../../ui/use-screen-key';

/**
 * On the incident page: the whole incident, every responder's events, as one file to carry to
 * another machine. What it did is said by the page's export line (useBundleExportOutcome).
 */
export function ExportBundleButton({ incidentId }: { incidentId: string }) {
  const busy = useBundleStore((state) => state.busy);
  // What an export said on another screen is not this screen's news.
  useEffect(() => useBundleStore.getState().set({ outcome: undefined }), []);
  const start = () => {
    if (!useBundleStore.getState().busy) void exportIncidentBundle(incidentId);
  };
  useScreenKey(BUNDLE_EXPORT_KEY, start);
  return (
    <button type="button" onClick={start} aria-busy={busy} title="Every event of this incident, everyone’s, as one file another machine can import">
      Export bundle <kbd>{BUNDLE_EXPORT_KEY}</kbd>
    </button>
  );
}

/** What the last bundle export said (saved where, or why not), for the incident page's export line. */
export const useBundleExportOutcome = () => useBundleStore((state) => state.outcome);
