import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { NoteHit } from '../../shared/search/note-search';
import type { SearchHit } from '../../shared/search/search-engine';
import { useLibraryStore } from '../stores/library-store';
import { useRouteStore } from '../stores/route-store';
import { useSearchStore } from '../stores/search-store';
import { Highlighted } from './Highlighted';
import { NOTE_KIND_LABELS } from './NoteCard';
import { PriorityBadge } from './PriorityBadge';
import { RunbookFilters } from './RunbookFilters';
import { typeLabel } from './type-labels';

export function SearchPalette() {
  const { open, query, answered, hits, notes, selected, filters, error, openWhenAnswered, closePalette, requestOpenWhenAnswered, setQuery, setFilters, moveSelection } =
    useSearchStore();
  const summaries = useLibraryStore((state) => state.summaries);
  const navigate = useRouteStore((state) => state.navigate);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Where focus was when the palette opened: it goes back there when the palette closes.
  const returnFocus = useRef<HTMLElement | null>(null);

  const close = () => {
    closePalette();
    returnFocus.current?.focus();
  };
  const openItem = (index: number) => {
    const hit = hits[index];
    const note = notes[index - hits.length];
    if (!hit && !note) return;
    closePalette();
    navigate(hit ? { name: 'runbook', id: hit.summary.id } : { name: 'note', id: note.id });
  };
  useEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    input.current?.focus();
    input.current?.select();
  }, [open]);
  useEffect(() => {
    if (openWhenAnswered && answered === query) {
      if (hits.length) openItem(0);
      else useSearchStore.setState({ openWhenAnswered: false });
    }
  });
  useEffect(() => {
    document.getElementById(`hit-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      // A responder who types fast and presses Enter gets the top hit of what they typed.
      if (answered === query) openItem(selected);
      else requestOpenWhenAnswered();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      trapTab(event, dialog.current);
    }
  };
  const words = query.split(/\s+/).filter(Boolean);
  const strong = hits.filter((hit) => !hit.weak);
  const weak = hits.filter((hit) => hit.weak);
  const option = (index: number, key: string, children: ReactNode) => (
    <li key={key} id={`hit-${index}`} role="option" aria-selected={index === selected} className={index === selected ? 'selected' : undefined} onMouseDown={() => openItem(index)}>
      {children}
    </li>
  );
  const runbookOption = (hit: SearchHit, index: number) =>
    option(
      index,
      hit.summary.id,
      <>
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
        {hit.snippet && (
          <span className="hit-snippet">
            <Highlighted text={hit.snippet} terms={hit.terms} />
          </span>
        )}
      </>,
    );
  const noteOption = (note: NoteHit, index: number) =>
    option(
      index,
      `note:${note.id}`,
      <>
        <span className="hit-title">
          <Highlighted text={note.title} terms={[...note.terms, ...words]} />
        </span>
        <span className="hit-type">{NOTE_KIND_LABELS[note.kind]}</span>
        {note.snippet && (
          <span className="hit-snippet">
            <Highlighted text={note.snippet} terms={note.terms} />
          </span>
        )}
      </>,
    );
  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div ref={dialog} className="palette" role="dialog" aria-modal="true" aria-label="Search runbooks" onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label="Search runbooks"
          aria-expanded={hits.length + notes.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={selected < hits.length + notes.length ? `hit-${selected}` : undefined}
          placeholder="Search titles, alerts, tags, steps, commands, notes…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <RunbookFilters summaries={summaries} value={filters} onChange={setFilters} />
        {error && <p className="palette-error" role="alert">Search failed: {error}</p>}
        <ul id="palette-results" role="listbox" aria-label="Results" aria-busy={answered !== query}>
          {strong.length > 0 && <PaletteGroup label="Runbooks">{strong.map((hit, index) => runbookOption(hit, index))}</PaletteGroup>}
          {weak.length > 0 && <PaletteGroup label="Weaker matches">{weak.map((hit, index) => runbookOption(hit, strong.length + index))}</PaletteGroup>}
          {notes.length > 0 && <PaletteGroup label="Admin notes">{notes.map((note, index) => noteOption(note, hits.length + index))}</PaletteGroup>}
        </ul>
        {query.trim() && hits.length + notes.length === 0 && !error && answered === query && <p className="empty">No runbook or note matches “{query}”.</p>}
        <p className="palette-help">
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open · <kbd>Tab</kbd> filters · <kbd>Esc</kbd> close
        </p>
      </div>
    </div>
  );
}

function PaletteGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li role="presentation" className="palette-group">
      <span className="palette-group-label" aria-hidden="true">
        {label}
      </span>
      <ul role="group" aria-label={label}>
        {children}
      </ul>
    </li>
  );
}

/** Tab and Shift+Tab cycle within the palette while it is open: focus never wanders to the page behind it. */
function trapTab(event: KeyboardEvent, container: HTMLElement | null) {
  if (!container) return;
  const focusable = [...container.querySelectorAll<HTMLElement>('input, select, button, [tabindex]:not([tabindex="-1"])')].filter((element) => !element.hasAttribute('disabled'));
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
