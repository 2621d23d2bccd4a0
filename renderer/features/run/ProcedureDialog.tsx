import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { isReportTitle, procedureInSection, procedures } from '../../../shared/library/document/procedures';
import { useDialogStore } from '../../app/services/dialog-store';
import { Dialog } from '../../ui/Dialog';
import { startRunOf } from '../incident';
import { useRunbookStore } from '../library';

/**
 * R on a runbook of several procedures: which one to run, the one the reader is in chosen first.
 * Typing filters, the arrows move, Enter runs, Esc closes. On a document (no procedure) it says
 * there is nothing to run rather than running its headings.
 */
export function ProcedureDialog({ runbookId, inView }: { runbookId: string; inView?: string }) {
  const close = useDialogStore((state) => state.close);
  const runbook = useRunbookStore((state) => (state.runbook?.id === runbookId ? state.runbook : undefined));
  const load = useRunbookStore((state) => state.load);
  useEffect(() => {
    if (!runbook) void load(runbookId);
  }, [runbook, runbookId, load]);
  const all = useMemo(() => (runbook ? procedures(runbook) : []), [runbook]);
  const inViewIndex = useMemo(() => (runbook ? procedureInSection(all, runbook.body, inView) : undefined), [all, runbook, inView]);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const indexes = all.map((_, index) => index).filter((index) => {
      const text = [...all[index].parents, all[index].title].join(' ').toLowerCase();
      return words.every((word) => text.includes(word));
    });
    // The procedure in view first: Enter runs it.
    return inViewIndex !== undefined && indexes.includes(inViewIndex) ? [inViewIndex, ...indexes.filter((index) => index !== inViewIndex)] : indexes;
  }, [all, query, inViewIndex]);

  if (!runbook) {
    return (
      <Dialog title="Start a run" onClose={close} onSubmit={close} actions={null}>
        <p className="loading">Opening…</p>
      </Dialog>
    );
  }
  if (!all.length) {
    return (
      <Dialog
        title="Nothing to run here"
        onClose={close}
        onSubmit={close}
        actions={
          <button type="submit" className="primary">
            OK <kbd>Enter</kbd>
          </button>
        }
      >
        <p>
          {isReportTitle(runbook.title)
            ? `“${runbook.title}” is a document: a report of work done, not a procedure.`
            : `“${runbook.title}” is a document: none of its sections is a procedure (a numbered list, a checklist, a Steps heading or numbered commands).`}{' '}
          Read it here, or search for a runbook to run.
        </p>
      </Dialog>
    );
  }
  const current = shown[Math.min(selected, shown.length - 1)];
  const run = () => {
    if (current === undefined) return;
    close();
    startRunOf(runbookId, current);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setSelected((index) => Math.max(0, Math.min(shown.length - 1, Math.min(index, shown.length - 1) + (event.key === 'ArrowDown' ? 1 : -1))));
  };
  return (
    <Dialog
      title={`Run a procedure of “${runbook.title}”`}
      onClose={close}
      onSubmit={run}
      actions={
        <button type="submit" className="primary" disabled={current === undefined}>
          Start the run <kbd>Enter</kbd>
        </button>
      }
    >
      <p className="muted">
        {all.length} procedures. Type to filter, <kbd>↑</kbd> <kbd>↓</kbd> to choose.
      </p>
      <label>
        Filter procedures
        <input
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls="procedure-list"
          aria-activedescendant={current === undefined ? undefined : `procedure-${current}`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <ul id="procedure-list" role="listbox" aria-label="Procedures" className="procedure-list">
        {shown.map((index) => {
          const procedure = all[index];
          return (
            <li key={index} id={`procedure-${index}`} role="option" aria-selected={index === current} className={index === current ? 'selected' : undefined} onMouseDown={() => setSelected(shown.indexOf(index))} onDoubleClick={run}>
              <span className="hit-title">{procedure.title}</span>
              {index === inViewIndex && <span className="badge">in view</span>}
              <span className="hit-type">
                {procedure.parents.length > 0 && `${procedure.parents.join(' › ')} · `}
                {procedure.steps.length} {procedure.steps.length === 1 ? 'step' : 'steps'}
              </span>
            </li>
          );
        })}
      </ul>
      {!shown.length && <p className="empty">No procedure matches “{query}”.</p>}
    </Dialog>
  );
}
