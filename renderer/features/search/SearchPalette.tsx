import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { NoteHit } from '../../../shared/search/note-search';
import type { SearchHit, SectionHit } from '../../../shared/search/search-engine';
import { useLibraryStore, PriorityBadge, RunbookFilters, TitlePlace, typeLabel } from '../library';
import { useRouteStore } from '../../app/services/route-store';
import { useSearchStore } from './search-store';
import { Highlighted } from '../../ui/Highlighted';
import { NOTE_KIND_LABELS } from '../notes';
import { trapTab } from '../../ui/focus-trap';
import { focusPage } from '../../ui/focus-page';
import { actionsOnly, availableActions, matchingActions, type PaletteAction } from './palette-actions';
import { readPastedAlerts, showAlerts } from '../alerts';
import { readAlerts } from '../../../shared/alerts/read-alerts';
import { openLibraryLink } from '../links';

/** A pasted link that may be a runbook's (`runbook_url`, `failsafe://runbook/…`): one token, no spaces. */
const LINK = /^(https?|failsafe):\/\/\S+$/;

/** A runbook hit, or one of its sections; `also` marks a further section listed under its runbook's first row. */
type RunbookItem = { kind: 'runbook'; hit: SearchHit; section?: SectionHit; also?: boolean };
type PaletteItem = { kind: 'action'; action: PaletteAction } | RunbookItem | { kind: 'note'; note: NoteHit };

/** A hit and the further sections of its file, in the order the list shows them. */
function runbookItems(hits: SearchHit[]): RunbookItem[] {
  return hits.flatMap((hit) => [{ kind: 'runbook' as const, hit, section: hit.section }, ...(hit.moreSections ?? []).map((section) => ({ kind: 'runbook' as const, hit, section, also: true }))]);
}

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
  // Actions come first when nothing is typed or the query starts with `>`; else after what was found,
  // so Enter still opens the best runbook. An alert typed out (a notification line, not a bare name,
  // which search finds) is the exception: Enter opens it as if pasted.
  const onlyActions = actionsOnly(query);
  // Read once per query, not at every render (an arrow key renders the palette again).
  const typedAlert = useMemo(() => (open && !onlyActions ? typedAlertAction(query) : undefined), [open, onlyActions, query]);
  const actionsFirst = onlyActions || !query.trim() || !!typedAlert;
  const actions = open ? [...(typedAlert ? [typedAlert] : []), ...matchingActions(availableActions(), query).slice(0, actionsFirst ? undefined : 5)] : [];
  const shownHits = onlyActions ? [] : hits;
  const shownNotes = onlyActions ? [] : notes;
  const items: PaletteItem[] = [
    ...(actionsFirst ? actions.map((action) => ({ kind: 'action' as const, action })) : []),
    ...runbookItems(shownHits),
    ...shownNotes.map((note) => ({ kind: 'note' as const, note })),
    ...(actionsFirst ? [] : actions.map((action) => ({ kind: 'action' as const, action }))),
  ];
  const openItem = (index: number) => {
    const item = items[index];
    if (!item) return;
    const before = useRouteStore.getState().route;
    closePalette();
    if (item.kind === 'action') item.action.run();
    else if (item.kind === 'note') navigate({ name: 'note', id: item.note.id });
    // A hit found in a section opens the page scrolled to it.
    else navigate(item.section ? { name: 'runbook', id: item.hit.summary.id, section: item.section.slug } : { name: 'runbook', id: item.hit.summary.id });
    // The focus must land somewhere: left on nothing (the closed palette's field), Home, PageDown
    // and the arrows scrolled nothing on the runbook just opened. Back where it was when the page
    // stayed, else on the page opened (a field or dialog that focuses itself as it opens still does).
    if (useRouteStore.getState().route === before && returnFocus.current?.isConnected) returnFocus.current.focus();
    else focusPage();
  };
  useEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    input.current?.focus();
    input.current?.select();
  }, [open]);
  useEffect(() => {
    if (openWhenAnswered && answered === query) {
      if (items.length) openItem(0);
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
      moveSelection(event.key === 'ArrowDown' ? 1 : -1, items.length);
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      // A responder who types fast and presses Enter gets the top hit of what they typed.
      if (answered === query || onlyActions) openItem(selected);
      else requestOpenWhenAnswered();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      trapTab(event, dialog.current);
    }
  };
  const words = query.split(/\s+/).filter(Boolean);
  const strong = runbookItems(shownHits.filter((hit) => !hit.weak));
  const weak = runbookItems(shownHits.filter((hit) => hit.weak));
  const firstHit = actionsFirst ? actions.length : 0;
  const hitItems = strong.length + weak.length;
  const firstAction = actionsFirst ? 0 : hitItems + shownNotes.length;
  const option = (index: number, key: string, children: ReactNode, className?: string) => (
    <li
      key={key}
      id={`hit-${index}`}
      role="option"
      aria-selected={index === selected}
      className={[className, index === selected ? 'selected' : undefined].filter(Boolean).join(' ') || undefined}
      onMouseDown={() => openItem(index)}
    >
      {children}
    </li>
  );
  const runbookOption = ({ hit, section, also }: RunbookItem, index: number) => {
    const terms = [...hit.terms, ...words];
    const snippet = section ? section.snippet : hit.snippet;
    return option(
      index,
      `${hit.summary.id}#${section?.slug ?? ''}`,
      <>
        <span className="hit-title">
          {/* A further section shows only its heading; a screen reader still hears whose it is. */}
          {also ? <span className="visually-hidden">{hit.summary.title}</span> : <Highlighted text={hit.summary.title} terms={terms} />}
          {section && (
            <span className="hit-section">
              {also ? '' : ' '}› <Highlighted text={section.heading ?? section.slug} terms={terms} />
            </span>
          )}
          {/* Where a shared title lives (two Operations Runbooks), after what the hit is. */}
          {!also && <TitlePlace id={hit.summary.id} />}
        </span>
        {!also && <PriorityBadge priority={hit.summary.priority} />}
        {!also && <span className="hit-type">{hit.summary.document ? `${typeLabel(hit.summary.type)} · document` : typeLabel(hit.summary.type)}</span>}
        {!also && hit.summary.aliases.length > 0 && (
          <span className="hit-aliases">
            <Highlighted text={hit.summary.aliases.join(', ')} terms={terms} />
          </span>
        )}
        {snippet && (
          <span className="hit-snippet">
            <Highlighted text={snippet} terms={hit.terms} />
          </span>
        )}
      </>,
      also ? 'hit-also' : undefined,
    );
  };
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
  const actionGroup = actions.length > 0 && (
    <PaletteGroup label="Actions">
      {actions.map((action, index) =>
        option(
          firstAction + index,
          `action:${action.id}`,
          <>
            <span className="hit-title">{action.title}</span>
            {action.keys && <kbd className="hit-keys">{action.keys}</kbd>}
          </>,
        ),
      )}
    </PaletteGroup>
  );
  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div ref={dialog} className="palette" role="dialog" aria-modal="true" aria-label="Search runbooks" onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label="Search runbooks"
          aria-expanded={items.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={selected < items.length ? `hit-${selected}` : undefined}
          placeholder="Search titles, alerts, tags, steps, commands, notes… or paste an alert"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onPaste={(event) => {
            // An alert pasted here opens "From an alert", a runbook link its runbook; anything else is searched for as usual.
            const text = event.clipboardData.getData('text');
            if (readPastedAlerts(text)) {
              event.preventDefault();
              close();
            } else if (LINK.test(text.trim())) {
              void openLibraryLink(text.trim()).then((opened) => opened.kind !== 'not-library' && close());
            }
          }}
        />
        <RunbookFilters summaries={summaries} value={filters} onChange={setFilters} />
        {error && <p className="palette-error" role="alert">Search failed: {error}</p>}
        <ul id="palette-results" role="listbox" aria-label="Results" aria-busy={answered !== query}>
          {actionsFirst && actionGroup}
          {strong.length > 0 && <PaletteGroup label="Runbooks">{strong.map((item, index) => runbookOption(item, firstHit + index))}</PaletteGroup>}
          {weak.length > 0 && <PaletteGroup label="Weaker matches">{weak.map((item, index) => runbookOption(item, firstHit + strong.length + index))}</PaletteGroup>}
          {shownNotes.length > 0 && <PaletteGroup label="Admin notes">{shownNotes.map((note, index) => noteOption(note, firstHit + hitItems + index))}</PaletteGroup>}
          {!actionsFirst && actionGroup}
        </ul>
        {query.trim() && items.length === 0 && !error && (answered === query || onlyActions) && <p className="empty">Nothing matches “{query}”.</p>}
        <p className="palette-help">
          <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open or run · <kbd>&gt;</kbd> actions only · <kbd>Tab</kbd> filters · <kbd>Esc</kbd> close
        </p>
      </div>
    </div>
  );
}

/** Typed rather than pasted, an alert's notification (`[FIRING:1] PostgresqlDown (…)`) is offered as the alert. */
function typedAlertAction(query: string): PaletteAction | undefined {
  const read = readAlerts(query);
  const alerts = read?.alerts.filter((alert) => alert.source !== 'name') ?? [];
  if (!read || !alerts.length) return undefined;
  const more = alerts.length > 1 ? ` and ${alerts.length - 1} more` : '';
  return {
    id: 'typed-alert',
    title: `From the alert ${alerts[0].name}${more}: its runbook, with the alert’s labels filled in`,
    run: () => showAlerts(read),
  };
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
