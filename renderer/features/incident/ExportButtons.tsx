import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../../app/services/save-file';
import { INCIDENT_EXPORT_KEY } from '../../ui/keys';
import { useScreenKey } from '../../ui/use-screen-key';
import type { LoadedIncident } from './incident-store';
import { exportFileName, incidentMarkdown } from './incident-export';
import { ExportBundleButton, useBundleExportOutcome } from '../bundle';
import { exportButtonShown } from './export-focus';

/**
 * The postmortem export, built when asked (its "Exported" time is the press's), copied (E, or the
 * button) or saved, and the bundle export beside it. A walk found no key for the Markdown: it took
 * Tab after Tab from the top of the page. What the last of them did is said on one line under them.
 */
export function ExportButtons({ loaded }: { loaded: LoadedIncident }) {
  const bundled = useBundleExportOutcome();
  /** What Copy or Save said, and the bundle's line at that moment: a bundle line that changed since is the latest. */
  const [own, setOwn] = useState<{ text: string; bundled?: string }>();
  const setOutcome = (text: string) => setOwn({ text, bundled });
  const outcome = own && own.bundled === bundled ? own.text : bundled;
  const copyButton = useRef<HTMLButtonElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await incidentMarkdown(loaded));
      setOutcome('Copied the export as Markdown.');
    } catch (error) {
      setOutcome(`Copy failed: ${error instanceof Error ? error.message : String(error)}. Use Save instead.`);
    }
  };
  const save = async () => {
    const result = await saveFile({ suggestedName: exportFileName(loaded.state), content: await incidentMarkdown(loaded), kind: 'markdown' });
    setOutcome(result.message);
  };
  useScreenKey(INCIDENT_EXPORT_KEY, () => void copy());
  useEffect(() => (copyButton.current ? exportButtonShown(copyButton.current) : undefined), []);
  return (
    <div className="export-row">
      <span className="save-copy">
        <button ref={copyButton} type="button" onClick={() => void copy()}>
          Copy as Markdown <kbd>{INCIDENT_EXPORT_KEY}</kbd>
        </button>
        <button type="button" onClick={() => void save()}>
          Save as Markdown
        </button>
        <ExportBundleButton incidentId={loaded.state.id} />
      </span>
      <p className="save-outcome" role="status" title={outcome}>
        {outcome}
      </p>
    </div>
  );
}
