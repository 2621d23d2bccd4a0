import { openCurrentIncident, useIncidentStore } from '../incident';
import { useLibraryStore } from '../library';

/** What a first sync would take away from an open incident: the bundled library it has been reading. */
export interface BundledInUse {
  incidentTitle: string;
  /** Runbooks in the bundled library. */
  runbooks: number;
  /** Titles of the runbooks the incident's runs used, in the order they started. */
  used: string[];
}

/**
 * The first sync replaces the bundled example library with the repository's. During an open
 * incident that took the runbooks a responder was using, unasked (three walkthroughs in a row were
 * surprised): then the sync waits for their word. Undefined when it need not.
 */
export function bundledInUse(): BundledInUse | undefined {
  const library = useLibraryStore.getState();
  if (library.meta?.source.kind !== 'bundled') return undefined;
  const incident = openCurrentIncident(useIncidentStore.getState());
  if (!incident) return undefined;
  const used = [...new Set(incident.runs.map((run) => run.runbook.title))];
  return { incidentTitle: incident.title, runbooks: library.summaries.length, used };
}
