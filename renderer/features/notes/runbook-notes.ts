import type { AdminNote } from '../../../shared/model';
import { appDatabase } from '../../app/services/app-services';
import { readRunbookWithNotes } from '../library';

/** The library's notes attached to a runbook. */
export async function readNotesOf(runbookId: string): Promise<AdminNote[]> {
  return (await readRunbookWithNotes(appDatabase(), runbookId)).notes;
}
