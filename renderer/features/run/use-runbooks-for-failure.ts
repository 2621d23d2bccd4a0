import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/search/search-engine';
import { appSearch } from '../search';

/** At most this many runbooks offered for a failure. */
const OFFERED = 3;

/**
 * The library's runbooks for what the responder wrote when a step failed ("connection refused to
 * db-primary:5432"): a failure reason is a symptom, and the runbook that answers it is often not
 * the one being run nor among those it names as related (a walk was offered deployment and memory
 * runbooks for a database refusing connections). The run's own runbook and weaker matches are left
 * out. Undefined while the search is under way or when it fails: the panel's other parts stand
 * alone; empty when the library has nothing more for it.
 */
export function useRunbooksForFailure(reason: string | undefined, ownId: string): SearchHit[] | undefined {
  const [found, setFound] = useState<{ reason: string; hits: SearchHit[] }>();
  useEffect(() => {
    if (!reason?.trim()) return;
    let live = true;
    appSearch()
      .search(reason, {}, OFFERED + 1)
      .then(({ hits }) => live && setFound({ reason, hits: hits.filter((hit) => !hit.weak && hit.summary.id !== ownId).slice(0, OFFERED) }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [reason, ownId]);
  return found && found.reason === reason ? found.hits : undefined;
}
