import { writeFile } from 'node:fs/promises';
import { MAX_SAVE_BYTES, type FileSaveReply, type FileSaveRequest } from '../shared/ipc-contract';

/** Where to save: main shows the system's save dialog; undefined when the user cancels. */
export type ChooseSavePath = (request: Pick<FileSaveRequest, 'suggestedName' | 'kind'>) => Promise<string | undefined>;

/** Writes an export where the user chose, never more than MAX_SAVE_BYTES, and says plainly what went wrong. */
export async function saveFile(request: FileSaveRequest, choosePath: ChooseSavePath): Promise<FileSaveReply> {
  const bytes = Buffer.from(request.content, 'utf8');
  if (bytes.length > MAX_SAVE_BYTES) return { ok: false, cancelled: false, reason: `The file would be ${Math.ceil(bytes.length / 1024 / 1024)} MB, over the ${MAX_SAVE_BYTES / 1024 / 1024} MB limit.` };
  const target = await choosePath(request);
  if (!target) return { ok: false, cancelled: true };
  try {
    await writeFile(target, bytes);
    return { ok: true, path: target };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'that folder cannot be written to' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
    return { ok: false, cancelled: false, reason: `Could not save ${target}: ${reason}.` };
  }
}

/** The save dialog's file types, per kind of export. */
export const SAVE_FILTERS: Record<FileSaveRequest['kind'], { name: string; extensions: string[] }[]> = {
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
  text: [{ name: 'Text', extensions: ['txt'] }],
  bundle: [{ name: 'Failsafe incident bundle', extensions: ['failsafe-bundle'] }],
};
