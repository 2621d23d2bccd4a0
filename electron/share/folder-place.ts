// Sharing through a folder every responder can reach (a synced or network folder). Each writer
// replaces its own file whole (a temporary file beside it, then a rename), so a reader sees the old
// file or the new one, never half. Nothing is written outside `<folder>/incidents/`, and nothing
// that is a link is followed, whether folder or file.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_JOURNAL_BYTES } from '../../shared/incident/journal';
import type { ShareRefusal, WriterPlace } from '../../shared/sharing/share-contract';
import { unreachable, type PlaceFile, type Published, type SharePlace } from './share-place';
import { INCIDENTS_FOLDER, ownFileText, writerFileAt, writerFilePath } from './writer-files';

/** Opening with this never follows a link put in the file's place (0 where the system has no such flag). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export function createFolderPlace(folder: string): SharePlace {
  const incidents = path.join(folder, INCIDENTS_FOLDER);
  const absolute = (relative: string) => path.join(folder, ...relative.split('/'));
  return {
    async publish(writer, outgoing) {
      const shared: WriterPlace[] = [];
      const refused: ShareRefusal[] = [];
      try {
        // The folder itself is never made: a network folder not mounted must not be filled here.
        if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
        if (!(await realFolder(incidents))) {
          return { shared, refused, offline: { kind: 'content-refused', message: `${INCIDENTS_FOLDER} in the shared folder is a link or a file, not a folder: nothing was written or read there.` } };
        }
        for (const { incidentId, events } of outgoing) {
          const relative = writerFilePath({ incidentId, writer });
          const target = absolute(relative);
          const incidentFolder = path.dirname(target);
          if (!(await realFolder(incidentFolder))) {
            refused.push({ path: `${INCIDENTS_FOLDER}/${incidentId}`, reason: 'a link or a file where the incident’s folder should be: nothing written there' });
            shared.push({ incidentId, writer, lastSeq: 0 });
            continue;
          }
          const text = ownFileText(events);
          if ((await readPlain(target)) !== text) await replaceFile(target, text);
          shared.push({ incidentId, writer, lastSeq: events.length });
        }
        return { shared, refused };
      } catch (error) {
        return { shared, refused, offline: folderUnreachable(error, folder) } satisfies Published;
      }
    },

    async others(writer) {
      const files: PlaceFile[] = [];
      const refused: ShareRefusal[] = [];
      // A link in the place of `incidents` itself is never followed (publish says so).
      const top = await lstat(incidents).catch(() => undefined);
      const folders = top?.isDirectory() ? await listing(incidents).catch(() => []) : [];
      for (const incidentId of folders) {
        const relativeFolder = `${INCIDENTS_FOLDER}/${incidentId}`;
        const info = await lstat(absolute(relativeFolder)).catch(() => undefined);
        if (!info || incidentId.startsWith('.')) continue;
        if (info.isSymbolicLink()) {
          refused.push({ path: relativeFolder, reason: 'a link: links in a shared folder are never followed' });
          continue;
        }
        if (!info.isDirectory()) continue;
        for (const name of await listing(absolute(relativeFolder)).catch(() => [])) {
          // A writer's file being replaced right now (see replaceFile).
          if (name.startsWith('.')) continue;
          const relative = `${relativeFolder}/${name}`;
          const file = writerFileAt(relative);
          const fileInfo = await lstat(absolute(relative)).catch(() => undefined);
          if (!fileInfo) continue;
          if (fileInfo.isSymbolicLink()) refused.push({ path: relative, reason: 'a link: links in a shared folder are never followed' });
          else if (!fileInfo.isFile()) refused.push({ path: relative, reason: 'not a file' });
          else if (!file) refused.push({ path: relative, reason: 'not a writer’s file (incidents/<incident>/<writer>.jsonl)' });
          else if (file.writer !== writer) files.push({ ...file, version: versionOf(fileInfo), read: () => readShared(absolute(relative), relative) });
        }
      }
      return { files, refused };
    },
  };
}

const listing = (dir: string) => readdir(dir);
const versionOf = (info: Stats) => `${info.size}:${info.mtimeMs}:${info.ino}`;

/** Makes `dir` when missing; false when something that is not a real folder (a link) is there. */
async function realFolder(dir: string): Promise<boolean> {
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return (await lstat(dir)).isDirectory();
}

/** Reads a writer's file without following a link, within the size limit. */
async function readShared(file: string, relative: string): Promise<string | ShareRefusal> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path: relative, reason: code === 'ELOOP' ? 'a link: links in a shared folder are never followed' : `could not be read (${code ?? 'error'})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { path: relative, reason: 'not a file' };
    if (info.size > MAX_JOURNAL_BYTES) return { path: relative, reason: `larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB` };
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** This writer's own file as it stands, or undefined when absent or not a plain file. */
async function readPlain(file: string): Promise<string | undefined> {
  const read = await readShared(file, file).catch(() => undefined);
  return typeof read === 'string' ? read : undefined;
}

/** A temporary file in the same folder, flushed, then renamed over the file: whole or not at all. A link in the file's place is replaced, never written through. */
async function replaceFile(target: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    const handle = await open(temporary, 'r+');
    await handle.datasync().finally(() => handle.close());
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

function folderUnreachable(error: unknown, folder: string): NonNullable<Published['offline']> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EIO' || code === 'ENOTCONN' || code === 'ESTALE' || code === 'EHOSTDOWN') {
    return { kind: 'offline', message: `The shared folder ${folder} cannot be reached (${code}). Nothing is lost: your events wait on this machine and go out at the next exchange.` };
  }
  return unreachable(error, []);
}
