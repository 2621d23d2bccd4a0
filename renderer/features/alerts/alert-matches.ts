// Each alert's runbook in the library open now. The index is built once per library (the summaries
// array the library store holds), so a paste of a hundred alerts is a few map lookups each.
import { useMemo } from 'react';
import type { Alert } from '../../../shared/alerts/alert';
import { alertRunbookIndex, runbookForAlert, type AlertRunbookIndex, type RunbookMatch } from '../../../shared/alerts/alert-runbook';
import { libraryLinkResolver } from '../../../shared/alerts/links/library-links';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import { useLibraryStore } from '../library';
import { useSyncStore } from '../sync';

const indexes = new WeakMap<readonly RunbookSummary[], AlertRunbookIndex>();

function indexOf(summaries: readonly RunbookSummary[]): AlertRunbookIndex {
  let index = indexes.get(summaries);
  if (!index) {
    index = alertRunbookIndex(summaries);
    indexes.set(summaries, index);
  }
  return index;
}

export function useAlertMatches(alerts: readonly Alert[]): RunbookMatch[] {
  const summaries = useLibraryStore((state) => state.summaries);
  const settings = useSyncStore((state) => state.settings);
  // The links an alert carries map to files through the sync settings: the repository's own pages, the published sites.
  const resolve = useMemo(
    () => libraryLinkResolver({ syncUrl: settings?.url ?? '', branch: settings?.branch ?? '', subfolder: settings?.subfolder ?? '', siteBases: settings?.siteBases ?? [] }, summaries.map((summary) => summary.id)),
    [settings, summaries],
  );
  return useMemo(() => {
    const index = indexOf(summaries);
    return alerts.map((alert) => runbookForAlert(alert, index, resolve));
  }, [alerts, summaries, resolve]);
}
