import { exportIncidentMarkdown } from '../../../shared/incident/incident-export';
import { runbookHash } from '../../../shared/incident/runbook-copy';
import { appDatabase } from '../../app/services/app-services';
import { readResponderName } from './incident-record';
import { useAppStore } from '../../app/services/app-store';
import type { LoadedIncident } from './incident-store';
import { useLibraryStore } from '../library';
import { readRunbook } from '../run';

/** The incident as Markdown for the postmortem, with what only this window knows: the name, the zone, the library now. */
export async function incidentMarkdown({ state, events }: LoadedIncident): Promise<string> {
  const meta = useLibraryStore.getState().meta;
  const changedRuns = new Set<string>();
  for (const run of state.runs) {
    const current = await readRunbook(run.runbook.id);
    if (!current || runbookHash(current) !== run.runbook.bodyHash) changedRuns.add(run.id);
  }
  return exportIncidentMarkdown(state, events, {
    appVersion: useAppStore.getState().appInfo?.version ?? 'browser build',
    responder: await readResponderName(appDatabase()),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    exportedAt: Date.now(),
    library: { version: meta?.version ?? 'none', commit: meta?.source.kind === 'git' ? meta.source.commit : undefined },
    changedRuns,
  });
}

/** A file name for the export: `2026-11-23-checkout-api-returns-502.md`. */
export function exportFileName(state: LoadedIncident['state']): string {
  const day = new Date(state.declaredAt.at).toISOString().slice(0, 10);
  const slug = state.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'incident';
  return `${day}-${slug}.md`;
}
