// One exchange with the shared place: publish this writer's files, then read every other writer's
// and hand back the events the renderer lacks. Exchanges run one at a time (a second waits for the
// first), so two never commit or rename over each other. A file is parsed again only when it
// changed since an earlier exchange (its Git blob, or its size, time and inode).
import type { ShareExchangeReply, ShareExchangeRequest, ShareRefusal } from '../../shared/sharing/share-contract';
import { describeSyncError } from '../sync/sync-errors';
import type { SharePlace } from './share-place';
import { readWriterFile, writerFilePath, type WriterFileRead } from './writer-files';

export class ShareExchanges {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly parsed = new Map<string, { version: string; read: WriterFileRead }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** `placeKey` names the shared place (what was parsed from one is never taken for another's); `secrets` never appear in a message. */
  exchange(place: SharePlace, placeKey: string, request: ShareExchangeRequest, secrets: (string | undefined)[] = []): Promise<ShareExchangeReply> {
    const next = this.queue.then(() => this.run(place, placeKey, request, secrets));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(place: SharePlace, placeKey: string, request: ShareExchangeRequest, secrets: (string | undefined)[]): Promise<ShareExchangeReply> {
    try {
      // An incident with no event of this writer gets no file: an empty one would say nothing.
      const published = await place.publish(request.writer, request.outgoing.filter((entry) => entry.events.length > 0));
      const others = await place.others(request.writer);
      const have = new Map(request.have.map((known) => [writerFilePath(known), known.lastSeq]));
      const refused: ShareRefusal[] = [...published.refused, ...others.refused];
      const incoming: { incidentId: string; writer: string; events: unknown[] }[] = [];
      for (const file of others.files) {
        const relative = writerFilePath(file);
        const key = `${placeKey}\n${relative}`;
        let known = this.parsed.get(key);
        if (known?.version !== file.version) {
          const text = await file.read();
          if (typeof text !== 'string') {
            this.parsed.delete(key);
            refused.push(text);
            continue;
          }
          known = { version: file.version, read: readWriterFile(file, text) };
          this.parsed.set(key, known);
        }
        refused.push(...known.read.refused);
        const past = have.get(relative) ?? 0;
        const events = known.read.events.filter((event) => event.seq > past);
        if (events.length > 0) incoming.push({ incidentId: file.incidentId, writer: file.writer, events });
      }
      return { ok: true, incoming, shared: published.shared, refused, ...(published.offline ? { offline: published.offline } : {}), at: this.now().toISOString() };
    } catch (error) {
      const { kind, message } = describeSyncError(error, secrets);
      return { ok: false, kind, message };
    }
  }
}
