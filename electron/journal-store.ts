// The journal files: one per incident in the user data folder, JSON lines, appended and flushed to
// disk before the call returns. Plain files, so the record outlives a damaged browser profile and can
// be read with any editor.
import { mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { INCIDENT_ID, MAX_JOURNAL_BYTES } from '../shared/incident/journal';
import type { JournalAppend, JournalReadReply, JournalReply } from '../shared/ipc-contract';

export interface JournalStore {
  folder: string;
  append(request: JournalAppend): Promise<JournalReply>;
  read(incidentId: string): Promise<JournalReadReply>;
  list(): Promise<string[]>;
}

const SUFFIX = '.jsonl';

/** Where the journal files live, under the app's user data folder. */
export function journalFolder(userData: string): string {
  return path.join(userData, 'incident-journal');
}

export function createJournalStore(folder: string): JournalStore {
  // Appends to one file happen one after another, in the order they were asked for.
  const queues = new Map<string, Promise<unknown>>();
  const fileOf = (incidentId: string) => {
    // The contract checked the id already; checked again because a path is built from it.
    if (!INCIDENT_ID.test(incidentId)) throw new Error('not an incident id');
    return path.join(folder, `${incidentId}${SUFFIX}`);
  };
  const appendNow = async ({ incidentId, lines }: JournalAppend): Promise<JournalReply> => {
    try {
      await mkdir(folder, { recursive: true });
      const handle = await open(fileOf(incidentId), 'a');
      try {
        await handle.appendFile(lines.map((line) => `${line}\n`).join(''), 'utf8');
        await handle.datasync();
      } finally {
        await handle.close();
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `the journal file could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  };
  return {
    folder,
    append(request) {
      const previous = queues.get(request.incidentId) ?? Promise.resolve();
      const next = previous.then(() => appendNow(request));
      queues.set(request.incidentId, next);
      return next;
    },
    async read(incidentId) {
      const file = fileOf(incidentId);
      try {
        const { size } = await stat(file);
        if (size > MAX_JOURNAL_BYTES) return { ok: false, missing: false, reason: `the journal file is larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB` };
        return { ok: true, text: await readFile(file, 'utf8') };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { ok: false, missing: code === 'ENOENT', reason: code === 'ENOENT' ? 'there is no journal file for this incident' : `the journal file could not be read (${code ?? (error as Error).message})` };
      }
    },
    async list() {
      try {
        return (await readdir(folder)).filter((name) => name.endsWith(SUFFIX)).map((name) => name.slice(0, -SUFFIX.length)).filter((id) => INCIDENT_ID.test(id));
      } catch {
        return [];
      }
    },
  };
}
