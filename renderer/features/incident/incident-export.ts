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
  const removedRuns = new Set<string>();
  for (const run of state.runs) {
    const current = await readRunbook(run.runbook.id);
    if (!current) removedRuns.add(run.id);
    else if (runbookHash(current) !== run.runbook.bodyHash) changedRuns.add(run.id);
  }
  return exportIncidentMarkdown(state, events, {
    appVersion: appVersion(),
    responder: await readResponderName(appDatabase()),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    library: { version: meta?.version ?? 'none', commit: meta?.source.kind === 'git' ? meta.source.commit : undefined },
    changedRuns,
    removedRuns,
  });
}

/** The version, and where it runs: the desktop side's answer, else the version the build wrote in. */
function appVersion(): string {
  const info = useAppStore.getState().appInfo;
  if (info) return `${info.version} (${info.host === 'electron' ? 'desktop' : 'test host'})`;
  // Outside a Vite build (unit tests) nothing is written in.
  return `${typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown version'} (browser)`;
}

/** A file name for the export: `2026-11-23-checkout-api-returns-502.md`. */
export function exportFileName(state: LoadedIncident['state']): string {
  const day = new Date(state.declaredAt.at).toISOString().slice(0, 10);
  const slug = state.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'incident';
  return `${day}-${slug}.md`;
}
