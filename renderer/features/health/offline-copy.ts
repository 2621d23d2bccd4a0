import { saveFile, type SaveOutcome } from '../../app/services/save-file';
import { appDatabase } from '../../app/services/app-services';
import { readWholeLibrary, useLibraryStore } from '../library';
import { buildOfflineCopy } from './offline-copy-page';
import { localToday } from '../../ui/local-today';
import { useNotesStore } from '../notes';
import { useOnCallStore } from '../oncall';

/** Builds the offline copy of the library (with this machine's notes and roster changes) and saves it. */
export async function exportOfflineCopy(onProgress: (done: number, total: number) => void): Promise<SaveOutcome> {
  const meta = useLibraryStore.getState().meta;
  if (!meta) return { saved: false, message: 'There is no library to export yet.' };
  const library = await readWholeLibrary(appDatabase(), meta.version);
  const localNotes = useNotesStore.getState().local.filter((note) => !note.deletedAt);
  const now = new Date();
  const html = await buildOfflineCopy({ ...library, meta, notes: [...library.notes, ...localNotes], overrides: useOnCallStore.getState().overrides }, now, localToday(now), onProgress);
  performance.mark('failsafe:offline-copy-built', { detail: html.length });
  return saveFile({ suggestedName: `failsafe-library-${now.toISOString().slice(0, 10)}.html`, content: html, kind: 'html' });
}
