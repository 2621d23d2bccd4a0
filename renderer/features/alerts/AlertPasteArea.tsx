import { useState } from 'react';
import { withCommand } from '../../ui/keys';
import { paletteShortcutLabel } from '../../ui/shortcut-label';
import { readPastedAlerts } from './alert-input';

/** With no alert read yet: a field to paste one into, and what can be pasted. */
export function AlertPasteArea() {
  const [problem, setProblem] = useState<string>();
  const [text, setText] = useState('');
  const read = (value: string) => setProblem(readPastedAlerts(value) ? undefined : 'That is not an alert Failsafe can read. Search for it instead with the palette.');
  return (
    <div className="alert-paste">
      <label htmlFor="alert-paste">Paste the alert that woke you: the notification, the e-mail or SMS, Alertmanager’s JSON, or the alert’s name.</label>
      <textarea
        id="alert-paste"
        autoFocus
        rows={6}
        spellCheck={false}
        placeholder="[FIRING:1] KubePodCrashLooping (namespace=payments pod=api-7f9c severity=critical)"
        value={text}
        onPaste={(event) => {
          event.preventDefault();
          const pasted = event.clipboardData.getData('text');
          setText(pasted);
          read(pasted);
        }}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            read(text);
          }
        }}
      />
      <button type="button" onClick={() => read(text)} disabled={!text.trim()}>
        Read the alert <kbd>{withCommand('Enter')}</kbd>
      </button>
      {problem && (
        <p className="form-problem" role="alert">
          {problem} <kbd>{paletteShortcutLabel()}</kbd>
        </p>
      )}
      <p className="muted">
        You can also paste an alert into the search palette (<kbd>{paletteShortcutLabel()}</kbd>) or drop a file holding one on the window.
      </p>
    </div>
  );
}
