// The one contract between renderer and main. Each channel is declared once, here: its request and
// reply types and a runtime check of the request. Electron's main and the test stand-in run every
// call through the same dispatch (electron/ipc-dispatch.ts), which applies that check; the preload
// and the stand-in build `window.failsafe` with createBridge.
import { eventProblem, INCIDENT_ID } from './incident/journal';
import type { SyncReply, SyncSettingsUpdate, SyncSettingsView, SyncStatus } from './sync/sync-contract';
import type { SaveShareSettingsReply, ShareExchangeReply, ShareExchangeRequest, ShareSettings, ShareSettingsView } from './sharing/share-contract';
import { checkExchangeRequest, checkShareSettingsShape } from './sharing/share-requests';

export interface AppInfo {
  version: string;
  platform: string;
  /** Whether this host can sync the library from Git (the desktop app can; a plain browser cannot). */
  syncAvailable: boolean;
  host: 'electron' | 'stand-in';
  /** Where the incident journal files are written, when this host keeps them. */
  journalFolder?: string;
}

export type SaveSettingsReply = { ok: true; settings: SyncSettingsView } | { ok: false; reason: string };

/** A file the user saves (an export): main asks where, with the system's save dialog, and writes it. */
export interface FileSaveRequest {
  /** A plain file name, no folders: `database-outage.md`. */
  suggestedName: string;
  content: string;
  /** What it is, for the dialog's file type filter. */
  /** `bundle`: an incident bundle file (shared/sharing/incident-bundle.ts). */
  kind: 'markdown' | 'json' | 'html' | 'text' | 'bundle';
}

export type FileSaveReply = { ok: true; path: string } | { ok: false; cancelled: true } | { ok: false; cancelled: false; reason: string };

/** Exports can be large (a whole library as one HTML file) but never unbounded. */
export const MAX_SAVE_BYTES = 32 * 1024 * 1024;

/** Events of one incident to append to its journal file, one JSON line each. */
export interface JournalAppend {
  incidentId: string;
  lines: string[];
}

export type JournalReply = { ok: true } | { ok: false; reason: string };
export type JournalReadReply = { ok: true; text: string } | { ok: false; missing: boolean; reason: string };

/** One append carries the events of one action: a few lines, one of them maybe a whole runbook. */
export const MAX_JOURNAL_APPEND_CHARS = 4 * 1024 * 1024;

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A link the operating system handed to the app (`failsafe://…`, or a runbook's web address a
 * second launch was given): main sends it to the window on this event, once the window is there.
 */
export const LINK_EVENT = 'link:open';
/** Longer than any runbook link; the renderer reads no more. */
export const MAX_HANDED_LINK = 4096;

/** Whether what came with a link event (or a launch's argument) is a link the app may open. */
export function checkHandedLink(payload: unknown): Checked<string> {
  if (typeof payload !== 'string') return { ok: false, reason: 'takes the link as text' };
  if (payload.length > MAX_HANDED_LINK) return { ok: false, reason: `the link is longer than ${MAX_HANDED_LINK} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(payload)) return { ok: false, reason: 'the link holds a control character' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(payload)?.[1].toLowerCase();
  if (scheme !== 'failsafe' && scheme !== 'https' && scheme !== 'http') return { ok: false, reason: 'only failsafe:, https: and http: links are opened' };
  return { ok: true, value: payload };
}

interface ChannelSpec<Request, Reply> {
  /** Whether what arrived is a well-formed request, or why not, in words a developer can act on. */
  check(payload: unknown): Checked<Request>;
  /** Never read: carries the reply type. */
  reply?: Reply;
}

const channel = <Request, Reply>(check: (payload: unknown) => Checked<Request>): ChannelSpec<Request, Reply> => ({ check });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function noPayload(payload: unknown): Checked<void> {
  return payload === undefined || payload === null ? { ok: true, value: undefined } : { ok: false, reason: 'takes no payload' };
}

function settingsShape(payload: unknown): Checked<SyncSettingsUpdate> {
  // The settings' meaning (a valid URL, a known transport) is checked by the handler, which answers
  // with a reason the settings screen shows; here only that an object arrived.
  return isRecord(payload) ? { ok: true, value: payload as unknown as SyncSettingsUpdate } : { ok: false, reason: 'takes the settings as an object' };
}

function syncRequest(payload: unknown): Checked<{ haveCommit?: string }> {
  if (payload === undefined || payload === null) return { ok: true, value: {} };
  if (!isRecord(payload)) return { ok: false, reason: 'takes { haveCommit?: commit id }' };
  const { haveCommit } = payload;
  if (haveCommit !== undefined && (typeof haveCommit !== 'string' || !/^[0-9a-f]{40,64}$/.test(haveCommit))) return { ok: false, reason: 'takes { haveCommit?: commit id }' };
  return { ok: true, value: { haveCommit } };
}

const SAVE_KINDS: readonly FileSaveRequest['kind'][] = ['markdown', 'json', 'html', 'text', 'bundle'];

function fileSaveRequest(payload: unknown): Checked<FileSaveRequest> {
  if (!isRecord(payload)) return { ok: false, reason: 'takes { suggestedName, content, kind }' };
  const { suggestedName, content, kind } = payload;
  // eslint-disable-next-line no-control-regex
  if (typeof suggestedName !== 'string' || !suggestedName.trim() || suggestedName.length > 200 || /[/\\\u0000-\u001f]|^\.\.?$/.test(suggestedName)) {
    return { ok: false, reason: 'takes a plain file name, without folders' };
  }
  if (typeof content !== 'string') return { ok: false, reason: 'takes the content as text' };
  if (content.length > MAX_SAVE_BYTES) return { ok: false, reason: `content is larger than ${MAX_SAVE_BYTES / 1024 / 1024} MB` };
  if (!SAVE_KINDS.includes(kind as FileSaveRequest['kind'])) return { ok: false, reason: `kind is one of ${SAVE_KINDS.join(', ')}` };
  return { ok: true, value: { suggestedName, content, kind: kind as FileSaveRequest['kind'] } };
}

function journalAppend(payload: unknown): Checked<JournalAppend> {
  if (!isRecord(payload) || typeof payload.incidentId !== 'string' || !INCIDENT_ID.test(payload.incidentId)) return { ok: false, reason: 'takes { incidentId, lines }' };
  const { lines } = payload;
  if (!Array.isArray(lines) || !lines.length || !lines.every((line) => typeof line === 'string')) return { ok: false, reason: 'takes the lines as a list of text' };
  if (lines.reduce((total: number, line: string) => total + line.length, 0) > MAX_JOURNAL_APPEND_CHARS) return { ok: false, reason: 'lines are too large' };
  // Main writes only well-formed events of this incident, one per line: a renderer cannot put
  // anything else in the file the app will read back.
  for (const line of lines as string[]) {
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      return { ok: false, reason: 'a line is not JSON' };
    }
    const problem = eventProblem(event);
    if (problem) return { ok: false, reason: `a line is not an event: ${problem}` };
    if ((event as { incidentId: string }).incidentId !== payload.incidentId) return { ok: false, reason: 'a line belongs to another incident' };
    if (line.includes('\n')) return { ok: false, reason: 'a line holds a line break' };
  }
  return { ok: true, value: { incidentId: payload.incidentId, lines: lines as string[] } };
}

function incidentRequest(payload: unknown): Checked<{ incidentId: string }> {
  return isRecord(payload) && typeof payload.incidentId === 'string' && INCIDENT_ID.test(payload.incidentId)
    ? { ok: true, value: { incidentId: payload.incidentId } }
    : { ok: false, reason: 'takes { incidentId }' };
}

export const IPC_CHANNELS = {
  'app:info': channel<void, AppInfo>(noPayload),
  'sync:get-settings': channel<void, SyncSettingsView>(noPayload),
  'sync:set-settings': channel<SyncSettingsUpdate, SaveSettingsReply>(settingsShape),
  'sync:run': channel<{ haveCommit?: string }, SyncReply>(syncRequest),
  'sync:status': channel<void, SyncStatus>(noPayload),
  'file:save': channel<FileSaveRequest, FileSaveReply>(fileSaveRequest),
  'journal:append': channel<JournalAppend, JournalReply>(journalAppend),
  'journal:read': channel<{ incidentId: string }, JournalReadReply>(incidentRequest),
  'journal:list': channel<void, string[]>(noPayload),
  'share:get-settings': channel<void, ShareSettingsView>(noPayload),
  'share:set-settings': channel<ShareSettings, SaveShareSettingsReply>(checkShareSettingsShape),
  'share:exchange': channel<ShareExchangeRequest, ShareExchangeReply>(checkExchangeRequest),
};

export type Channel = keyof typeof IPC_CHANNELS;
export type RequestOf<C extends Channel> = (typeof IPC_CHANNELS)[C] extends ChannelSpec<infer Request, unknown> ? Request : never;
export type ReplyOf<C extends Channel> = (typeof IPC_CHANNELS)[C] extends ChannelSpec<unknown, infer Reply> ? Reply : never;

/** What main implements: one handler per channel, typed from the declaration above. */
export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ReplyOf<C>> };

export const CHANNELS = Object.keys(IPC_CHANNELS) as Channel[];

export type Invoke = (channel: Channel, payload?: unknown) => Promise<unknown>;
/** How a host delivers main's events: `deliver` gets each payload as it came; the result stops listening. */
export type Listen = (event: typeof LINK_EVENT, deliver: (payload: unknown) => void) => () => void;

export interface FailsafeBridge {
  appInfo(): Promise<AppInfo>;
  syncSettings(): Promise<SyncSettingsView>;
  saveSyncSettings(update: SyncSettingsUpdate): Promise<SaveSettingsReply>;
  runSync(haveCommit?: string): Promise<SyncReply>;
  syncStatus(): Promise<SyncStatus>;
  saveFile(request: FileSaveRequest): Promise<FileSaveReply>;
  appendJournal(request: JournalAppend): Promise<JournalReply>;
  readJournal(incidentId: string): Promise<JournalReadReply>;
  listJournals(): Promise<string[]>;
  shareSettings(): Promise<ShareSettingsView>;
  saveShareSettings(settings: ShareSettings): Promise<SaveShareSettingsReply>;
  /** Writes this writer's events to the shared place and reads everyone else's (shared/sharing/share-contract.ts). */
  exchangeIncidents(request: ShareExchangeRequest): Promise<ShareExchangeReply>;
  /** Calls `listener` with each link handed to the app; links that fail `checkHandedLink` are dropped. The result stops listening. */
  onLink(listener: (link: string) => void): () => void;
}

/** A host without events (nothing is ever handed over). */
const noEvents: Listen = () => () => undefined;

export function createBridge(invoke: Invoke, listen: Listen = noEvents): FailsafeBridge {
  const call = <C extends Channel>(name: C, request?: RequestOf<C>) => invoke(name, request) as Promise<ReplyOf<C>>;
  return {
    appInfo: () => call('app:info'),
    syncSettings: () => call('sync:get-settings'),
    saveSyncSettings: (update) => call('sync:set-settings', update),
    runSync: (haveCommit) => call('sync:run', { haveCommit }),
    syncStatus: () => call('sync:status'),
    saveFile: (request) => call('file:save', request),
    appendJournal: (request) => call('journal:append', request),
    readJournal: (incidentId) => call('journal:read', { incidentId }),
    listJournals: () => call('journal:list'),
    shareSettings: () => call('share:get-settings'),
    saveShareSettings: (settings) => call('share:set-settings', settings),
    exchangeIncidents: (request) => call('share:exchange', request),
    onLink: (listener) =>
      listen(LINK_EVENT, (payload) => {
        const checked = checkHandedLink(payload);
        if (checked.ok) listener(checked.value);
      }),
  };
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(IPC_CHANNELS, value);
}

/** Runs a channel's own check on what arrived. */
export function checkRequest<C extends Channel>(name: C, payload: unknown): Checked<RequestOf<C>> {
  return IPC_CHANNELS[name].check(payload) as Checked<RequestOf<C>>;
}
