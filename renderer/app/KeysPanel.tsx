import { useRef, type KeyboardEvent } from 'react';
import { useDialogStore } from './services/dialog-store';
import { trapTab } from '../ui/focus-trap';
import { usePanelFocus } from '../ui/use-panel-focus';
import { paletteShortcutLabel } from '../ui/shortcut-label';
import {
  BUNDLE_EXPORT_KEY,
  BUNDLE_IMPORT_KEY,
  DECLARE_KEY,
  INCIDENT_EXPORT_KEY,
  INCIDENT_NOTE_KEY,
  KEYS_HELP_KEY,
  MAKE_CURRENT_KEY,
  MILESTONE_KEYS,
  PLACE_KEYS,
  RUN_KEYS,
  SEVERITY_KEY,
  SHARE_NOW_KEY,
  START_RUN_KEY,
  syncKeysLabel,
  withCommand,
  withOption,
  withShift,
} from '../ui/keys';

type KeyRow = [keys: string, what: string];

/** Every key, read from keys.ts where the handlers read them: what this lists is what works. */
function keyGroups(): { title: string; rows: KeyRow[] }[] {
  const place = (key: keyof typeof PLACE_KEYS, what: string): KeyRow => [withCommand(PLACE_KEYS[key]), what];
  const milestone = (key: keyof typeof MILESTONE_KEYS): KeyRow => [withOption(MILESTONE_KEYS[key]), `Milestone ${key}: now, or correct its time once set`];
  return [
    {
      title: 'Anywhere',
      rows: [
        [`${paletteShortcutLabel()} or /`, 'Search runbooks, notes and actions; paste an alert'],
        [DECLARE_KEY, 'Declare an incident'],
        [SEVERITY_KEY, 'Severity levels (a number then sets the current incident’s)'],
        [syncKeysLabel(), 'Sync the library from Git'],
        [KEYS_HELP_KEY, 'These keys'],
        milestone('detected'),
        milestone('acknowledged'),
        milestone('mitigated'),
        milestone('resolved'),
      ],
    },
    {
      title: 'Places',
      rows: [
        place('library', 'Library'),
        place('incident', 'Current incident'),
        place('incidents', 'Incidents'),
        place('settings', 'Settings'),
        place('oncall', 'On-call'),
        place('messages', 'Messages'),
        place('notes', 'Notes'),
        place('health', 'Library health'),
      ],
    },
    {
      title: 'A runbook',
      rows: [
        [START_RUN_KEY, 'Run it (the procedure in view, when it has several)'],
        ['[ ]', 'Previous or next section'],
      ],
    },
    {
      title: 'A run',
      rows: [
        [RUN_KEYS.done, 'Step done'],
        [RUN_KEYS.skip, 'Skip the step (with a reason)'],
        [RUN_KEYS.fail, 'The step failed (with a reason)'],
        [RUN_KEYS.note, 'A note on the step'],
        [RUN_KEYS.copy, 'Copy the next command of the step'],
        [RUN_KEYS.start, 'Go on with the next step'],
        [RUN_KEYS.reopen, 'Reopen a settled step'],
        [RUN_KEYS.rollback, 'Troubleshooting, rollback and related runbooks'],
        [RUN_KEYS.params, 'Parameters'],
        [RUN_KEYS.finish, 'Finish the run'],
        [RUN_KEYS.lesson, 'A lesson from this step'],
        ['↑ ↓', 'View another step'],
      ],
    },
    {
      title: 'An incident',
      rows: [
        [INCIDENT_NOTE_KEY, 'Into the note field'],
        [MAKE_CURRENT_KEY, 'Make it the current incident'],
        [INCIDENT_EXPORT_KEY, 'Copy its export as Markdown (Tab on to Save as Markdown)'],
        [BUNDLE_EXPORT_KEY, 'Export it as a bundle file (on Incidents: every one since a time)'],
        [BUNDLE_IMPORT_KEY, 'On Incidents: import a bundle file'],
        [withShift(SHARE_NOW_KEY), 'Share incidents now'],
      ],
    },
    {
      title: 'Forms and lists',
      rows: [
        ['Enter', 'Open, record or send what is chosen'],
        ['Esc', 'Close, or put back what was not recorded'],
        ['Tab', 'Next field'],
      ],
    },
  ];
}

/**
 * The app's keys over any screen (?). Single letters act only when no text field has the focus, so
 * the panel says so once, at the top, rather than beside every key.
 */
export function KeysPanel() {
  const close = useDialogStore((state) => state.close);
  const panel = useRef<HTMLDivElement>(null);
  usePanelFocus(() => panel.current);
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === KEYS_HELP_KEY) {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      trapTab(event, panel.current);
    }
  };
  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div ref={panel} tabIndex={0} className="dialog keys-panel" role="dialog" aria-modal="true" aria-labelledby="keys-panel-title" onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <h2 id="keys-panel-title">Keyboard shortcuts</h2>
        <p className="muted">Single letters act when no text field has the focus: what you type into a field stays in it.</p>
        <div className="keys-groups">
          {keyGroups().map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3>{group.title}</h3>
              <dl>
                {group.rows.map(([keys, what]) => (
                  <div key={`${keys}-${what}`}>
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="dialog-actions">
          <button type="button" onClick={close}>
            Close <kbd>Esc</kbd>
          </button>
        </p>
      </div>
    </div>
  );
}
