import type { WriterState } from './incident-state';

/** How a writer is named to people: the responder's name from their Settings, else a short form of the writer id. */
export function writerName(writer: Pick<WriterState, 'id' | 'name'>): string {
  if (writer.name?.trim()) return writer.name.trim();
  if (!writer.id) return 'this machine';
  return `writer ${writer.id.replace(/^w-/, '').slice(0, 8)}`;
}

/** Everyone who wrote to the incident, in order of their first event. */
export function writersInOrder(writers: Record<string, WriterState>): WriterState[] {
  return Object.values(writers).sort((a, b) => a.firstAt - b.firstAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
