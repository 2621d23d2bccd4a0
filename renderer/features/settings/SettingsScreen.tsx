import { useEffect, useRef, useState, type FormEvent } from 'react';
import { siteBasesFromText, siteBasesText } from '../../../shared/sync/site-bases';
import type { SyncSettingsUpdate, TransportName } from '../../../shared/sync/sync-contract';
import { syncKeysLabel } from '../../ui/keys';
import { useLibraryStore } from '../library';
import { useSyncStore } from '../sync';
import { ResponderNameForm } from './ResponderNameForm';
import { ShareSettingsForm } from './ShareSettingsForm';

export function SettingsScreen() {
  const available = useSyncStore((state) => state.available);
  const settings = useSyncStore((state) => state.settings);
  if (!available || !settings) {
    return (
      <section className="settings" aria-labelledby="settings-title">
        <h1 id="settings-title">Settings</h1>
        <ResponderNameForm />
        <h2>Library repository</h2>
        <p className="empty">Git sync needs the desktop app. This browser preview works from the library built into it.</p>
        <ShareSettingsForm />
      </section>
    );
  }
  return <SettingsForm />;
}

function SettingsForm() {
  const settings = useSyncStore((state) => state.settings)!;
  const saveSettings = useSyncStore((state) => state.saveSettings);
  const syncNow = useSyncStore((state) => state.syncNow);
  const syncing = useSyncStore((state) => state.running);
  const [form, setForm] = useState({ ...settings, token: '' });
  const [removeToken, setRemoveToken] = useState(false);
  const [sites, setSites] = useState(siteBasesText(settings.siteBases));
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string }>();
  // Saved by Enter in a field at the top, the answer and the button that syncs came below the
  // window's edge (900x700): brought into view, with the button under it.
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) (said.current?.nextElementSibling ?? said.current)?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  const bundledRunbooks = useLibraryStore((state) => (state.meta?.source.kind === 'bundled' ? state.summaries.length : undefined));
  // An edit makes the last "Settings saved." untrue until the next save.
  const field = <K extends keyof typeof form>(key: K) => (value: (typeof form)[K]) => {
    setForm({ ...form, [key]: value });
    setMessage(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const siteBases = siteBasesFromText(sites);
    if (!siteBases.ok) {
      setMessage({ kind: 'error', text: siteBases.reason });
      return;
    }
    const update: SyncSettingsUpdate = {
      url: form.url,
      branch: form.branch,
      subfolder: form.subfolder,
      transport: form.transport,
      autoSync: form.autoSync,
      intervalMinutes: Number(form.intervalMinutes),
      siteBases: siteBases.bases,
      // A blank token field keeps the stored token; it is never shown back.
      ...(removeToken ? { token: null } : form.token.trim() ? { token: form.token } : {}),
    };
    const problem = await saveSettings(update);
    setMessage(problem ? { kind: 'error', text: problem } : { kind: 'saved', text: 'Settings saved.' });
    if (!problem) {
      setForm((current) => ({ ...current, token: '' }));
      setRemoveToken(false);
    }
  };

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ResponderNameForm />
      <form onSubmit={submit}>
        <h2>Library repository</h2>
        <label>
          Repository URL
          <input type="url" value={form.url} placeholder="https://git.example.com/team/runbooks.git" aria-describedby={bundledRunbooks !== undefined ? 'first-sync-help' : undefined} onChange={(event) => field('url')(event.target.value)} />
        </label>
        {/* Said before, not found after: a first sync during an incident surprised responders who expected to keep the examples. */}
        {bundledRunbooks !== undefined && (
          <p className="hint" id="first-sync-help">
            The first sync replaces the bundled example library ({bundledRunbooks} runbooks and its pinned notes) with the repository’s. The on-call roster, severity levels and message templates stay until the repository has its own. During an open incident it asks first; a run already started keeps its copy of its runbook.
          </p>
        )}
        <label>
          Branch
          <input value={form.branch} placeholder="the repository's default branch" onChange={(event) => field('branch')(event.target.value)} />
        </label>
        <label>
          Subfolder
          <input value={form.subfolder} placeholder="e.g. docs/runbooks (empty: the whole repository)" onChange={(event) => field('subfolder')(event.target.value)} />
        </label>
        <label>
          Access token {settings.hasToken ? '(one is stored; leave blank to keep it)' : '(optional)'}
          <input type="password" autoComplete="off" value={form.token} onChange={(event) => field('token')(event.target.value)} />
        </label>
        {settings.hasToken && (
          <label className="inline">
            <input type="checkbox" checked={removeToken} onChange={(event) => setRemoveToken(event.target.checked)} /> Remove the stored token
          </label>
        )}
        <label>
          Transport
          <select value={form.transport} onChange={(event) => field('transport')(event.target.value as TransportName)}>
            <option value="isomorphic-git">Built-in (https, works without git installed)</option>
            <option value="system-git" disabled={!settings.systemGitAvailable}>
              System git (ssh, your keys and credential helpers){settings.systemGitAvailable ? '' : ': not installed'}
            </option>
          </select>
        </label>
        <label>
          Published runbook sites
          <textarea
            rows={3}
            value={sites}
            spellCheck={false}
            aria-describedby="site-bases-help"
            placeholder="https://runbooks.example.dev/runbooks/ content/runbooks"
            onChange={(event) => {
              setSites(event.target.value);
              setMessage(undefined);
            }}
          />
        </label>
        <p className="hint" id="site-bases-help">
          One per line: a site where the library is published, then the library folder it shows (nothing for the whole library). An alert’s runbook link to a page of it then opens that page’s file here.
        </p>
        <h2>Automatic sync</h2>
        <label className="inline">
          <input type="checkbox" checked={form.autoSync} onChange={(event) => field('autoSync')(event.target.checked)} /> Sync at start, when back online, and every
        </label>
        <label>
          Interval in minutes
          <input type="number" min={1} max={1440} value={form.intervalMinutes} onChange={(event) => field('intervalMinutes')(Number(event.target.value))} />
        </label>
        <p className="hint">The token is encrypted by the operating system’s keychain in the main process; it is never stored in the library database or shown again.</p>
        <button type="submit">Save settings</button>
        {message && (
          <p ref={said} role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
        {/* Saving a repository does not fetch from it: the next step is said, with its key. */}
        {message?.kind === 'saved' && settings.url && (
          <button type="button" className="settings-sync" onClick={() => void syncNow()} disabled={syncing}>
            {syncing ? 'Syncing…' : 'Sync the library from it now'} <kbd>{syncKeysLabel()}</kbd>
          </button>
        )}
      </form>
      <ShareSettingsForm />
    </section>
  );
}
