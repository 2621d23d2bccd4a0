import type { IncidentEvent } from '../incident-events';

/**
 * Which of a step's commands C copies next, read from the record (in record order): the one after
 * the last copied on that step, round to the first; the first when none was, or when the last one
 * copied is none of these (the values changed since). Kept only in the screen, the place was lost
 * with a reload, and C put the step's first command (a rollback, in a walkthrough) on the
 * clipboard again. `commands` are the step's commands as the record writes them (filled, secrets masked).
 */
export function nextCommandFromRecord(events: readonly IncidentEvent[], runId: string, step: number, commands: readonly string[]): number {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event.type !== 'command-copied' || event.runId !== runId || event.step !== step) continue;
    const at = commands.indexOf(event.command);
    return at === -1 ? 0 : (at + 1) % commands.length;
  }
  return 0;
}
