import { randomUUID } from 'node:crypto';
import type { SnapshotHandle, SnapshotText } from '../shared/sync/sync-contract';
import { IpcRefusal } from './ipc-dispatch';

/** Characters per part: big enough to keep the round trips few, small enough to cross in a millisecond or two. */
export const PART_CHARS = 1024 * 1024;

/**
 * The last synced library, as JSON text in parts, until the renderer has read it. Only the latest
 * is kept: a newer sync replaces it, and an old handle is refused.
 */
export class WaitingSnapshot {
  private held?: { id: string; parts: string[] };

  hold({ text, runbooks }: SnapshotText): SnapshotHandle {
    const parts: string[] = [];
    for (let start = 0; start < text.length; start += PART_CHARS) parts.push(text.slice(start, start + PART_CHARS));
    this.held = { id: randomUUID(), parts };
    return { id: this.held.id, parts: parts.length, runbooks };
  }

  part(id: string, index: number): string {
    if (this.held?.id !== id) throw new IpcRefusal('that synced library is no longer waiting (a newer sync replaced it)');
    const part = this.held.parts[index];
    if (part === undefined) throw new IpcRefusal(`the synced library has no part ${index}`);
    // The last part read frees the text: it is in the renderer now.
    if (index === this.held.parts.length - 1) this.held = undefined;
    return part;
  }
}
