// Each alert's runbook in the library open now. The index is built once per library (the summaries
// array the library store holds), so a paste of a hundred alerts is a few map lookups each.
import { useMemo } from 'react';
import type { Alert } from '../../../shared/alerts/alert';
import { alertRunbookIndex, runbookForAlert, type AlertRunbookIndex, type RunbookMatch } from '../../../shared/alerts/alert-runbook';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import { useLibraryStore } from '../library';
import { useLinkResolver } from '../links';

const indexes = new WeakMap<readonly RunbookSummary[], AlertRunbookIndex>();

function indexOf(summaries: readonly RunbookSummary[]): AlertRunbookIndex {
  let index = indexes.get(summaries);
  if (!index) {
    index = alertRunbookIndex(summaries);
    indexes.set(summaries, index);
  }
  return index;
}

/**
 * Builds the library's alert index while the app is idle, so the first alert pasted does not wait
 * for it (a tenth of a second and more at 10,000 runbooks). Returns the cancel of that wait.
 */
export function warmAlertIndex(summaries: readonly RunbookSummary[]): () => void {
  if (!summaries.length || indexes.has(summaries)) return () => undefined;
  const handle = requestIdleCallback(() => indexOf(summaries), { timeout: 5_000 });
  return () => cancelIdleCallback(handle);
}

export function useAlertMatches(alerts: readonly Alert[]): RunbookMatch[] {
  const summaries = useLibraryStore((state) => state.summaries);
  // The links an alert carries map to files through the sync settings: the repository's own pages, the published sites.
  const resolve = useLinkResolver();
  return useMemo(() => {
    const index = indexOf(summaries);
    return alerts.map((alert) => runbookForAlert(alert, index, resolve));
  }, [alerts, summaries, resolve]);
}
