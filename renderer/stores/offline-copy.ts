import { saveFile, type SaveOutcome } from '../api/save-file';
import { appDatabase } from '../app-services';
import { readWholeLibrary } from '../db/library-reads';
import { buildOfflineCopy } from '../export/offline-copy';
import { localToday } from './local-today';
import { useLibraryStore } from './library-store';
import { useNotesStore } from './notes-store';
import { useOnCallStore } from './oncall-store';

/** Builds the offline copy of the library (with this machine's notes and roster changes) and saves it. */
export async function exportOfflineCopy(onProgress: (done: number, total: number) => void): Promise<SaveOutcome> {
  const meta = useLibraryStore.getState().meta;
  if (!meta) return { saved: false, message: 'There is no library to export yet.' };
  const library = await readWholeLibrary(appDatabase());
  const localNotes = useNotesStore.getState().local.filter((note) => !note.deletedAt);
  const now = new Date();
  const html = await buildOfflineCopy({ ...library, meta, notes: [...library.notes, ...localNotes], overrides: useOnCallStore.getState().overrides }, now, localToday(now), onProgress);
  performance.mark('failsafe:offline-copy-built', { detail: html.length });
  return saveFile({ suggestedName: `failsafe-library-${now.toISOString().slice(0, 10)}.html`, content: html, kind: 'html' });
}
