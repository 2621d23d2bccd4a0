import { describe, expect, it } from 'vitest';
import { ShareExchanges } from '../../../../electron/share/share-exchange';
import type { PlaceFile, SharePlace } from '../../../../electron/share/share-place';
import { ownFileText } from '../../../../electron/share/writer-files';
import { eventsOf } from './share-support';

/** A shared place in memory that records what happened, in order. */
function memoryPlace(files: Record<string, { version: string; text: string }>) {
  const log: string[] = [];
  let reads = 0;
  const place: SharePlace = {
    async publish(writer, outgoing) {
      log.push(`publish ${outgoing.map((entry) => entry.events.length).join(',')} start`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('publish end');
      return { shared: outgoing.map((entry) => ({ incidentId: entry.incidentId, writer, lastSeq: entry.events.length })), refused: [] };
    },
    async others() {
      const listed: PlaceFile[] = Object.entries(files).map(([writer, file]) => ({
        incidentId: 'inc-1',
        writer,
        version: file.version,
        read: async () => {
          reads++;
          return file.text;
        },
      }));
      return { files: listed, refused: [] };
    },
  };
  return { place, log, reads: () => reads };
}

describe('an exchange', () => {
  it('runs one at a time: a second waits for the first to end', async () => {
    const { place, log } = memoryPlace({});
    const exchanges = new ShareExchanges();
    const request = (count: number) => ({ writer: 'writer-a', outgoing: [{ incidentId: 'inc-1', events: eventsOf('writer-a', count) }], have: [] });
    const [first, second] = await Promise.all([exchanges.exchange(place, 'p', request(1)), exchanges.exchange(place, 'p', request(2))]);
    expect(log).toEqual(['publish 1 start', 'publish end', 'publish 2 start', 'publish end']);
    expect([first, second].map((reply) => reply.ok && reply.shared[0].lastSeq)).toEqual([1, 2]);
  });

  it('reads a file again only when it changed, and hands back only events past what is held', async () => {
    const files = { 'writer-b': { version: 'v1', text: ownFileText(eventsOf('writer-b', 2)) } };
    const { place, reads } = memoryPlace(files);
    const exchanges = new ShareExchanges();
    const have = (lastSeq: number) => ({ writer: 'writer-a', outgoing: [], have: [{ incidentId: 'inc-1', writer: 'writer-b', lastSeq }] });
    const first = await exchanges.exchange(place, 'p', have(0));
    expect(first.ok && first.incoming[0].events).toHaveLength(2);
    const again = await exchanges.exchange(place, 'p', have(2));
    expect(again.ok && again.incoming).toEqual([]);
    expect(reads()).toBe(1);
    files['writer-b'] = { version: 'v2', text: ownFileText(eventsOf('writer-b', 3)) };
    const grown = await exchanges.exchange(place, 'p', have(2));
    expect(grown.ok && grown.incoming[0].events).toEqual([eventsOf('writer-b', 3)[2]]);
    expect(reads()).toBe(2);
    // Another place with the same path and version is read for itself.
    await exchanges.exchange(place, 'q', have(3));
    expect(reads()).toBe(3);
  });

  it('a failure is told in words without the token', async () => {
    const token = 'secret-token-42';
    const place: SharePlace = {
      publish: async () => {
        throw new Error(`fatal: unable to access 'https://x-access-token:${token}@git.example.com/': weird`);
      },
      others: async () => ({ files: [], refused: [] }),
    };
    const reply = await new ShareExchanges().exchange(place, 'p', { writer: 'writer-a', outgoing: [], have: [] }, [token]);
    expect(reply).toMatchObject({ ok: false, kind: 'failed' });
    expect(JSON.stringify(reply)).not.toContain(token);
  });
});
