import { useMemo, useState } from 'react';
import type { RunbookSummary } from '../../shared/search/search-documents';
import { PRIORITIES } from '../../shared/model';
import { isReviewDue } from '../../shared/review';
import { useLibraryStore } from '../stores/library-store';
import { hashOf } from '../routes';
import { PriorityBadge } from './PriorityBadge';
import { TYPE_ORDER, typeLabel } from './type-labels';

export function LibraryBrowser() {
  const summaries = useLibraryStore((state) => state.summaries);
  const [type, setType] = useState('');
  const [priority, setPriority] = useState('');
  const [tag, setTag] = useState('');
  const types = useMemo(() => [...new Set(summaries.map((summary) => summary.type))].sort(byTypeOrder), [summaries]);
  const tags = useMemo(() => [...new Set(summaries.flatMap((summary) => summary.tags))].sort(), [summaries]);
  const shown = summaries.filter(
    (summary) => (!type || summary.type === type) && (!priority || summary.priority === priority) && (!tag || summary.tags.includes(tag)),
  );
  const now = new Date();
  return (
    <section className="library" aria-label="Runbook library">
      <div className="filters" role="group" aria-label="Filters">
        <label>
          Type
          <select value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">All types</option>
            {types.map((value) => (
              <option key={value} value={value}>
                {typeLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Priority
          <select value={priority} onChange={(event) => setPriority(event.target.value)}>
            <option value="">All priorities</option>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">All tags</option>
            {tags.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <span className="count">{shown.length} runbooks</span>
      </div>
      {types
        .filter((group) => shown.some((summary) => summary.type === group))
        .map((group) => (
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
  return (
    <>
      <ul>
        {summaries.slice(0, limit).map((summary) => (
          <li key={summary.id}>
            <a href={hashOf({ name: 'runbook', id: summary.id })}>{summary.title}</a>
            <PriorityBadge priority={summary.priority} />
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

function byTypeOrder(a: string, b: string): number {
  const rank = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
