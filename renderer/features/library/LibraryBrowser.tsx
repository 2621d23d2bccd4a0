import { memo, startTransition, useDeferredValue, useMemo, useState } from 'react';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { SearchFilters } from '../../../shared/search/search-engine';
import { isReviewDue } from '../../../shared/library/review';
import { useLibraryStore } from './library-store';
import { hashOf } from '../../app/services/routes';
import { PriorityBadge } from './PriorityBadge';
import { byTypeOrder, RunbookFilters } from './RunbookFilters';
import { typeLabel } from './type-labels';
import { TitlePlace } from './TitlePlace';

export function LibraryBrowser() {
  // A new library (a sync of thousands) is rendered in the background, a slice at a time, while the
  // list shown stays until it is ready: rendered at once, its rows held the window for 0.2 s. What
  // is derived from it is memoized, so the render the store's change sets off at once (the deferred
  // list still the old one) redoes none of the rows.
  const summaries = useDeferredValue(useLibraryStore((state) => state.summaries));
  const [filters, setFilters] = useState<SearchFilters>({});
  const groups = useMemo(() => {
    const shown = summaries.filter(
      (summary) =>
        (!filters.type || summary.type === filters.type) &&
        (!filters.priority || summary.priority === filters.priority) &&
        (!filters.tag || summary.tags.includes(filters.tag)),
    );
    const types = [...new Set(shown.map((summary) => summary.type))].sort(byTypeOrder);
    // `now`: the day the review-due badges are counted from, taken with the list they mark.
    return { shown: shown.length, byType: types.map((type) => ({ type, summaries: shown.filter((summary) => summary.type === type) })), now: new Date() };
  }, [summaries, filters]);
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">Runbook library</h1>
      <div className="library-toolbar">
        <RunbookFilters summaries={summaries} value={filters} onChange={setFilters} />
        <span className="count">{groups.shown} runbooks</span>
      </div>
      {groups.byType.map((group) => (
        <section key={group.type} className="runbook-group" aria-label={typeLabel(group.type)}>
          <h2>{typeLabel(group.type)}</h2>
          <RunbookList summaries={group.summaries} now={groups.now} />
        </section>
      ))}
      {groups.shown === 0 && <p className="empty">No runbook matches these filters.</p>}
    </section>
  );
}

// A large library renders a page of each group at a time; search is the fast way in.
const PAGE = 100;

const RunbookList = memo(function RunbookList({ summaries, now }: { summaries: RunbookSummary[]; now: Date }) {
  const [limit, setLimit] = useState(PAGE);
  // Deferred with the list: the "changed" badges of a new library come with its rows.
  const unseen = useDeferredValue(useLibraryStore((state) => state.unseen));
  return (
    <>
      <ul>
        {summaries.slice(0, limit).map((summary) => (
          <li key={summary.id}>
            <a href={hashOf({ name: 'runbook', id: summary.id })}>
              {summary.title}
              <TitlePlace id={summary.id} />
            </a>
            <PriorityBadge priority={summary.priority} />
            {summary.document && <span className="badge document" title="No procedure to run: read it, search it">document</span>}
            {unseen.has(summary.id) && <span className="badge changed" title="Changed by a sync since you last opened it">changed</span>}
            {isReviewDue(summary.lastReviewed, summary.reviewEvery, now) && <span className="badge review-due">review due</span>}
            {summary.summary && <p>{summary.summary}</p>}
          </li>
        ))}
      </ul>
      {summaries.length > limit && (
        // A thousand rows more, rendered a slice at a time: the window answers meanwhile.
        <button type="button" className="show-more" onClick={() => startTransition(() => setLimit(limit + PAGE * 10))}>
          Show more ({summaries.length - limit} not shown)
        </button>
      )}
    </>
  );
});
