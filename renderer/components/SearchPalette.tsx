import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useLibraryStore } from '../stores/library-store';
import { useRouteStore } from '../stores/route-store';
import { useSearchStore } from '../stores/search-store';
import { Highlighted } from './Highlighted';
import { PriorityBadge } from './PriorityBadge';
import { RunbookFilters } from './RunbookFilters';
import { typeLabel } from './type-labels';

export function SearchPalette() {
  const { open, query, answered, hits, selected, filters, error, openWhenAnswered, closePalette, requestOpenWhenAnswered, setQuery, setFilters, moveSelection } =
    useSearchStore();
  const summaries = useLibraryStore((state) => state.summaries);
  const navigate = useRouteStore((state) => state.navigate);
  const input = useRef<HTMLInputElement>(null);

  const openHit = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    closePalette();
    navigate({ name: 'runbook', id: hit.summary.id });
  };
  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);
  useEffect(() => {
    if (openWhenAnswered && answered === query) {
      if (hits.length) openHit(0);
      else useSearchStore.setState({ openWhenAnswered: false });
    }
  });
  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // A responder who types fast and presses Enter gets the top hit of what they typed.
      if (answered === query) openHit(selected);
      else requestOpenWhenAnswered();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closePalette();
    }
  };
  const words = query.split(/\s+/).filter(Boolean);
  return (
    <div className="palette-backdrop" onMouseDown={closePalette}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Search runbooks" onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <input
          ref={input}
          autoFocus
          type="search"
          role="combobox"
          aria-label="Search runbooks"
          aria-expanded={hits.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={hits[selected] ? `hit-${selected}` : undefined}
          placeholder="Search titles, alerts, tags, steps, commands…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <RunbookFilters summaries={summaries} value={filters} onChange={setFilters} />
        {error && <p className="palette-error" role="alert">Search failed: {error}</p>}
        <ul id="palette-results" role="listbox" aria-label="Results">
          {hits.map((hit, index) => (
            <li
              key={hit.summary.id}
              id={`hit-${index}`}
              role="option"
              aria-selected={index === selected}
              className={index === selected ? 'selected' : undefined}
              onMouseDown={() => openHit(index)}
            >
              <span className="hit-title">
                <Highlighted text={hit.summary.title} terms={[...hit.terms, ...words]} />
              </span>
              <PriorityBadge priority={hit.summary.priority} />
              <span className="hit-type">{typeLabel(hit.summary.type)}</span>
              {hit.summary.aliases.length > 0 && (
                <span className="hit-aliases">
                  <Highlighted text={hit.summary.aliases.join(', ')} terms={[...hit.terms, ...words]} />
                </span>
              )}
            </li>
          ))}
        </ul>
        {query.trim() && hits.length === 0 && !error && <p className="empty">No runbook matches “{query}”.</p>}
        <p className="palette-help">↑ ↓ to choose, Enter to open, Esc to close</p>
      </div>
    </div>
  );
}
