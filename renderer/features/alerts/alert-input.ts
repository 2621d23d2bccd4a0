// Where an alert comes in: text pasted (into the palette or the alert screen) and files dropped on
// the window. Both are read by the same readers, with the same limits, as outside input.
import { readAlerts } from '../../../shared/alerts/read-alerts';
import { ALERT_LIMITS } from '../../../shared/alerts/alert-limits';
import { showAlerts } from './alert-store';

/**
 * Shows the alerts the text holds, or why an alert-shaped text could not be read; false (nothing
 * shown) when it is no alert at all, so it stays a search.
 */
export function readPastedAlerts(text: string): boolean {
  const read = readAlerts(text);
  if (!read) return false;
  showAlerts(read);
  return true;
}

/** A dropped file: only its first part is read, as a paste would be cut. */
export async function readDroppedAlerts(file: Blob): Promise<boolean> {
  const text = await file.slice(0, ALERT_LIMITS.maxTextChars + 1).text();
  return readPastedAlerts(text);
}
