import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusPageTop } from './focus-page';

/** Keys with which a closed select steps from option to option, each step a change. */
const STEPPING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A select whose choice goes into the incident's record (its status, its severity). A choice from
 * the list, by mouse or by Enter in it, is recorded at once. Arrows on the closed field step
 * through the options, which fires a change at every step: recorded each time, they wrote
 * "identified" then "monitoring" on the way to a status, and the second, written while the first
 * was still under way, was refused ("already identified") with the field snapping back. Stepped to,
 * a value is shown, marked as not recorded, and recorded by Enter; Esc, or leaving the field, puts
 * the recorded one back (recorded on leaving, an arrow and a Tab wrote a severity nobody chose).
 * A stray letter chooses nothing (type-ahead): an R meant for "run" would resolve the incident.
 * It says so, and Esc leaves the field: a walk recorded a status, kept the focus on it, and typed a
 * whole note into nothing (N, then the sentence) with Esc doing nothing either.
 */
export function RecordingSelect({ value, onChoose, children }: { value: string; onChoose(value: string): Promise<unknown>; children: ReactNode }) {
  /** The value stepped to and not yet recorded, or being recorded: shown instead of `value` until then. */
  const [chosen, setChosenState] = useState<string>();
  const latest = useRef<string>(undefined);
  const setChosen = (next: string | undefined) => {
    latest.current = next;
    setChosenState(next);
  };
  const stepping = useRef(false);
  /** A letter was typed with nothing stepped to: the field says where letters go. */
  const [lettersIgnored, setLettersIgnored] = useState(false);
  /** A value is being written: one write at a time, and it is not marked as not recorded. */
  const [writing, setWriting] = useState(false);
  const choose = (next: string) => {
    if (next === value) return setChosen(undefined);
    setChosen(next);
    // One write at a time: a value stepped to meanwhile waits for Enter.
    if (writing) return;
    setWriting(true);
    // Whatever the answer (recorded, refused, or waiting on a question), the field then shows the record.
    void onChoose(next).finally(() => {
      setWriting(false);
      if (latest.current === next) setChosen(undefined);
    });
  };
  const pending = chosen !== undefined && !writing;
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    stepping.current = STEPPING_KEYS.has(event.key) && !event.altKey;
    const letter = event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (letter) event.preventDefault();
    setLettersIgnored(letter && chosen === undefined);
    if (event.key === 'Escape' && chosen === undefined) {
      // Nothing to put back: Esc gives the focus back to the page, whose keys then act.
      event.preventDefault();
      event.stopPropagation();
      focusPageTop();
      return;
    }
    if (chosen === undefined || writing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      choose(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setChosen(undefined);
    }
  };
  return (
    <span className="recording-select">
      <select
        value={chosen ?? value}
        onKeyDown={onKeyDown}
        // A choice made with the pointer after some arrows is a choice from the list: recorded at once.
        onPointerDown={() => (stepping.current = false)}
        onChange={(event) => {
          if (stepping.current) setChosen(event.target.value === value ? undefined : event.target.value);
          else choose(event.target.value);
        }}
        onBlur={() => {
          setLettersIgnored(false);
          if (!writing) setChosen(undefined);
        }}
        className={pending ? 'not-recorded' : undefined}
        title={pending ? `Not recorded yet: Enter records ${chosen}, Esc puts back ${value}.` : undefined}
        aria-description={pending ? `not recorded yet: Enter records it, Escape puts back ${value}` : undefined}
      >
        {children}
      </select>
      {/* Said on screen, not only in a tooltip: a walk read "resolved" in the field and "monitoring" in the bar, with nothing saying which held. Under the field, so nothing beside it moves. */}
      {pending && (
        <span className="not-recorded-hint" aria-hidden="true">
          Not recorded: <kbd>Enter</kbd> records {chosen}, <kbd>Esc</kbd> puts back {value}
        </span>
      )}
      {lettersIgnored && (
        <span className="not-recorded-hint" role="status">
          Letters do nothing in this field: <kbd>Esc</kbd> leaves it, and the page’s keys act again
        </span>
      )}
    </span>
  );
}
