import { useState, type FormEvent } from 'react';
import { DEFAULT_INCIDENT_BRANCH, type ShareMode, type ShareSettings } from '../../../shared/sharing/share-contract';
import type { TransportName } from '../../../shared/sync/sync-contract';
import { useShareStore } from '../sharing';

const MODES: { mode: ShareMode; label: string }[] = [
  { mode: 'off', label: 'Off: incidents stay on this machine' },
  { mode: 'git', label: 'Git repository' },
  { mode: 'folder', label: 'Shared folder (a synced or network folder)' },
];

/** Where this machine's incidents are shared with the other responders', and how often. */
export function ShareSettingsForm() {
  const available = useShareStore((state) => state.available);
  const unavailable = useShareStore((state) => state.unavailable);
  const settings = useShareStore((state) => state.settings);
  if (!available || !settings) {
    return (
      <section aria-labelledby="share-settings-title">
        <h2 id="share-settings-title">Incident sharing</h2>
        <p className="empty">{unavailable ?? 'Reading the sharing settings…'}</p>
      </section>
    );
  }
  return <ShareForm />;
}

function ShareForm() {
  const view = useShareStore((state) => state.settings)!;
  const [form, setForm] = useState<ShareSettings>({ mode: view.mode, url: view.url, branch: view.branch, transport: view.transport, folder: view.folder, pollSeconds: view.pollSeconds });
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string }>();
  // An edit makes the last "saved" untrue until the next save.
  const field = <K extends keyof ShareSettings>(key: K) => (value: ShareSettings[K]) => {
    setForm({ ...form, [key]: value });
    setMessage(undefined);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await useShareStore.getState().saveSettings({ ...form, branch: form.branch.trim() || DEFAULT_INCIDENT_BRANCH, pollSeconds: Number(form.pollSeconds) });
    setMessage(problem ? { kind: 'error', text: `Not saved: ${problem}` } : { kind: 'saved', text: form.mode === 'off' ? 'Saved: incidents are not shared.' : 'Saved: incidents are shared from now on.' });
  };
  return (
    <form onSubmit={submit} aria-labelledby="share-settings-title">
      <h2 id="share-settings-title">Incident sharing</h2>
      <p className="hint">Each responder writes only their own file per incident; everyone’s events are merged into one record on every machine.</p>
      <fieldset className="share-modes">
        <legend>Share incidents through</legend>
        {MODES.map(({ mode, label }) => (
          <label className="inline" key={mode}>
            <input type="radio" name="share-mode" value={mode} checked={form.mode === mode} onChange={() => field('mode')(mode)} /> {label}
          </label>
        ))}
      </fieldset>
      {form.mode === 'git' && (
        <>
          <label>
            URL of the incident repository
            <input type="url" value={form.url} placeholder={view.libraryUrl ? `empty: the library’s repository (${view.libraryUrl})` : 'empty: the library’s repository (none is set)'} onChange={(event) => field('url')(event.target.value)} />
          </label>
          <label>
            Branch holding incidents
            <input value={form.branch} placeholder={DEFAULT_INCIDENT_BRANCH} onChange={(event) => field('branch')(event.target.value)} />
          </label>
          <label>
            Transport
            <select value={form.transport} onChange={(event) => field('transport')(event.target.value as TransportName)}>
              <option value="isomorphic-git">Built-in (https, works without git installed)</option>
              <option value="system-git" disabled={!view.systemGitAvailable}>
                System git (ssh, your keys and credential helpers){view.systemGitAvailable ? '' : ': not installed'}
              </option>
            </select>
          </label>
          <p className="hint">{view.hasToken ? 'The library’s access token is used for this repository too.' : 'No access token is stored: set one under Library repository if the repository needs it.'}</p>
        </>
      )}
      {form.mode === 'folder' && (
        <label>
          Shared folder (its full path)
          <input value={form.folder} placeholder="/Volumes/team/failsafe-incidents" spellCheck={false} onChange={(event) => field('folder')(event.target.value)} />
        </label>
      )}
      {form.mode !== 'off' && (
        <label>
          Seconds between exchanges while an incident is open
          <input type="number" min={1} max={600} value={form.pollSeconds} onChange={(event) => field('pollSeconds')(Number(event.target.value))} />
        </label>
      )}
      <button type="submit">Save sharing settings</button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </form>
  );
}
