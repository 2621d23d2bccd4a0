import type { FileSaveRequest } from '../../../shared/ipc-contract';
import { desktopBridge } from './bridge';

/** What became of a save, in the words the screen shows. */
export type SaveOutcome = { saved: true; message: string } | { saved: false; message: string };

/**
 * Saves an export: the desktop app asks where with the system's dialog and writes it; a plain
 * browser downloads it instead.
 */
export async function saveFile(request: FileSaveRequest): Promise<SaveOutcome> {
  const bridge = desktopBridge();
  if (!bridge) {
    download(request);
    return { saved: true, message: `Downloaded ${request.suggestedName}.` };
  }
  try {
    const reply = await bridge.saveFile(request);
    if (reply.ok) return { saved: true, message: `Saved to ${reply.path}.` };
    return { saved: false, message: reply.cancelled ? 'Not saved.' : reply.reason };
  } catch (error) {
    return { saved: false, message: `Could not save: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

const TYPES: Record<FileSaveRequest['kind'], string> = {
  markdown: 'text/markdown',
  json: 'application/json',
  html: 'text/html',
  text: 'text/plain',
  bundle: 'text/plain',
};

function download(request: FileSaveRequest) {
  const url = URL.createObjectURL(new Blob([request.content], { type: `${TYPES[request.kind]};charset=utf-8` }));
  const link = Object.assign(document.createElement('a'), { href: url, download: request.suggestedName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
