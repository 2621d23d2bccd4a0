import { useEffect, useRef, useState } from 'react';
import { formatUtc, parseUtcInput } from '../../../shared/incident/time-format';
import { BUNDLE_EXTENSION } from '../../../shared/sharing/incident-bundle';
import { BUNDLE_EXPORT_KEY, BUNDLE_IMPORT_KEY } from '../../ui/keys';
import { exportBundleSince } from './bundle-export';
import { importBundleFile } from './bundle-import';
import { useBundleStore } from './bundle-store';
import { useScreenKey } from '../../ui/use-screen-key';

const DAY = 24 * 3_600_000;

/** On the Incidents list: carry incidents between machines without a network, as bundle files. */
export function BundleBar() {
  const [since, setSince] = useState(() => formatUtc(Date.now() - DAY).slice(0, 16));
  const [problem, setProblem] = useState<string>();
  const busy = useBundleStore((state) => state.busy);
  const outcome = useBundleStore((state) => state.outcome);
  // What an export said on another screen is not this screen's news.
  useEffect(() => useBundleStore.getState().set({ outcome: undefined }), []);
  const picker = useRef<HTMLInputElement>(null);
  const exportSince = () => {
    const time = parseUtcInput(since, Date.now());
    if (time === undefined) {
      setProblem('Type the time in UTC: 2026-11-23 02:10.');
      return;
    }
    setProblem(undefined);
    if (!useBundleStore.getState().busy) void exportBundleSince(time);
  };
  const pick = () => picker.current?.click();
  useScreenKey(BUNDLE_EXPORT_KEY, exportSince);
  useScreenKey(BUNDLE_IMPORT_KEY, pick);
  return (
    <section className="bundle-bar" aria-label="Bundles">
      <label>
        Bundle since (UTC)
        <input value={since} onChange={(event) => setSince(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && exportSince()} aria-invalid={problem ? true : undefined} size={17} />
      </label>
      <button type="button" onClick={exportSince} aria-busy={busy}>
        Export bundle since… <kbd>{BUNDLE_EXPORT_KEY}</kbd>
      </button>
      <button type="button" onClick={pick} aria-busy={busy}>
        Import bundle… <kbd>{BUNDLE_IMPORT_KEY}</kbd>
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        accept={`${BUNDLE_EXTENSION},.jsonl,.txt`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importBundleFile(file);
        }}
      />
      <span className="save-outcome" role="status">
        {problem ?? outcome}
      </span>
    </section>
  );
}
