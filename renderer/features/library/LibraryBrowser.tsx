import { useMemo, useState } from 'react';
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
  const summaries = useLibraryStore((state) => state.summaries);
  const [filters, setFilters] = useState<SearchFilters>({});
  const shown = summaries.filter(
    (summary) =>
      (!filters.type || summary.type === filters.type) &&
      (!filters.priority || summary.priority === filters.priority) &&
      (!filters.tag || summary.tags.includes(filters.tag)),
  );
  const groups = useMemo(() => [...new Set(shown.map((summary) => summary.type))].sort(byTypeOrder), [shown]);
  const now = new Date();
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">Runbook library</h1>
      <div className="library-toolbar">
        <RunbookFilters summaries={summaries} value={filters} onChange={setFilters} />
        <span className="count">{shown.length} runbooks</span>
      </div>
      {groups.map((group) => (
        <section key={group} className="runbook-group" aria-label={typeLabel(group)}>
          <h2>{typeLabel(group)}</h2>
          <RunbookList summaries={shown.filter((summary) => summary.type === group)} now={now} />
        </section>
      ))}
      {shown.length === 0 && <p className="empty">No runbook matches these filters.</p>}
    </section>
  );
}

// A large library renders a page of each group at a time; search is the fast way in.
const PAGE = 100;

function RunbookList({ summaries, now }: { summaries: RunbookSummary[]; now: Date }) {
  const [limit, setLimit] = useState(PAGE);
  const unseen = useLibraryStore((state) => state.unseen);
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
        <button type="button" className="show-more" onClick={() => setLimit(limit + PAGE * 10)}>
          Show more ({summaries.length - limit} not shown)
        </button>
      )}
    </>
  );
}
