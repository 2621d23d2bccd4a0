import { useEffect } from 'react';
import { BUNDLE_EXPORT_KEY } from '../../ui/keys';
import { exportIncidentBundle } from './bundle-export';
import { useBundleStore } from './bundle-store';
import { useScreenKey } from '../../ui/use-screen-key';

/** On the incident page: the whole incident, every responder's events, as one file to carry to another machine. */
export function ExportBundleButton({ incidentId }: { incidentId: string }) {
  const busy = useBundleStore((state) => state.busy);
  const outcome = useBundleStore((state) => state.outcome);
  // What an export said on another screen is not this screen's news.
  useEffect(() => useBundleStore.getState().set({ outcome: undefined }), []);
  const start = () => {
    if (!useBundleStore.getState().busy) void exportIncidentBundle(incidentId);
  };
  useScreenKey(BUNDLE_EXPORT_KEY, start);
  return (
    <span className="save-copy">
      <button type="button" onClick={start} aria-busy={busy} title="Every event of this incident, everyone’s, as one file another machine can import">
        Export bundle <kbd>{BUNDLE_EXPORT_KEY}</kbd>
      </button>
      <span className="save-outcome" role="status">
        {outcome}
      </span>
    </span>
  );
}
