import { useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { trapTab } from './focus-trap';
import { usePanelFocus } from './use-panel-focus';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
  /** The buttons, the submit one first. */
  actions: ReactNode;
  /** What Esc's button says: "Cancel" where closing changes nothing, "Close" where what it reports is already done. */
  closeLabel?: string;
}

/** A modal form: focus starts in its first field, stays inside, and goes back where it was on close. Esc closes. */
export function Dialog({ title, onClose, onSubmit, children, actions, closeLabel = 'Cancel' }: Props) {
  const form = useRef<HTMLFormElement>(null);
  // The first field, or the dialog itself while its fields are still loading, so Enter and Esc reach it.
  usePanelFocus(() => form.current?.querySelector<HTMLElement>('input, textarea, select') ?? form.current);
  const onKeyDown = (event: KeyboardEvent) => {
    // Shortcuts of the page behind never see a key typed here.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      trapTab(event, form.current);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.target === form.current || event.target instanceof HTMLSelectElement)) {
      // Enter in a text field submits by itself; a choice or the dialog itself would not.
      event.preventDefault();
      onSubmit();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <form ref={form} tabIndex={-1} className="dialog" role="dialog" aria-modal="true" aria-label={title} onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown} onSubmit={submit}>
        <h2>{title}</h2>
        {children}
        <div className="dialog-actions">
          {actions}
          <button type="button" onClick={onClose}>
            {closeLabel} <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
