import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHeadSymref } from '../../../../electron/share/remote-head';
import { lastSeqIn, ownFileText, readWriterFile, writerFileAt, writerFilePath } from '../../../../electron/share/writer-files';
import { eventsOf } from './share-support';

describe('writer files', () => {
  it('only incidents/<incident>/<writer>.jsonl is a writer’s file', () => {
    expect(writerFileAt('incidents/inc-1/writer-a.jsonl')).toEqual({ incidentId: 'inc-1', writer: 'writer-a' });
    for (const other of ['incidents/inc-1/writer-a.json', 'incidents/../writer-a.jsonl', 'incidents/inc-1/sub/writer-a.jsonl', 'incidents/INC/writer-a.jsonl', 'incidents/inc-1/.writer-a.jsonl', 'other/inc-1/writer-a.jsonl', 'incidents/inc-1/-a.jsonl']) {
      expect(writerFileAt(other)).toBeUndefined();
    }
    expect(() => writerFilePath({ incidentId: '../x', writer: 'writer-a' })).toThrow();
  });

  it('a line of another writer or another incident is refused by line; the rest is read', () => {
    const [mine, second] = eventsOf('writer-b', 2);
    const [theirs] = eventsOf('writer-a', 1);
    const [elsewhere] = eventsOf('writer-b', 1, 'inc-2');
    const text = [mine, theirs, elsewhere, second].map((event) => JSON.stringify(event)).join('\n') + '\n{"cut';
    const read = readWriterFile({ incidentId: 'inc-1', writer: 'writer-b' }, text);
    expect(read.events).toEqual([mine, second]);
    expect(read.refused).toEqual([
      { path: 'incidents/inc-1/writer-b.jsonl', line: 2, reason: expect.stringMatching(/another writer/) },
      { path: 'incidents/inc-1/writer-b.jsonl', line: 3, reason: expect.stringMatching(/another incident/) },
      { path: 'incidents/inc-1/writer-b.jsonl', line: 5, reason: 'cut off (not a whole line)' },
    ]);
  });

  it('any text reads without throwing, and gives only well-formed events of the file’s writer and incident', () => {
    const events = eventsOf('writer-b', 3);
    const lines = fc.oneof(
      fc.string(),
      fc.constantFrom(...events.map((event) => JSON.stringify(event))),
      fc.constantFrom(...eventsOf('writer-a', 2).map((event) => JSON.stringify(event))),
      fc.json(),
      fc.constantFrom('{"__proto__":{"writer":"writer-b"}}', 'null', '[]'),
    );
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 20 }), (chosen) => {
        const read = readWriterFile({ incidentId: 'inc-1', writer: 'writer-b' }, chosen.join('\n'));
        for (const event of read.events) expect(event).toMatchObject({ writer: 'writer-b', incidentId: 'inc-1' });
        expect(read.events.length + read.refused.length).toBeLessThanOrEqual(chosen.length);
      }),
    );
  });

  it('its own file is its events, one per line, and the last number is read back', () => {
    const events = eventsOf('writer-a', 3);
    const text = ownFileText(events);
    expect(text.split('\n')).toHaveLength(4);
    expect(lastSeqIn({ incidentId: 'inc-1', writer: 'writer-a' }, text)).toBe(3);
    expect(lastSeqIn({ incidentId: 'inc-1', writer: 'writer-a' }, '')).toBe(0);
  });
});

describe('the remote HEAD told to isomorphic-git', () => {
  const pkt = (line: string) => `${(Buffer.byteLength(line) + 4).toString(16).padStart(4, '0')}${line}`;
  const oid = 'a'.repeat(40);

  it('adds symref=HEAD to the first ref line when the server names no HEAD', () => {
    const advertised = Buffer.from(`${pkt('# service=git-upload-pack\n')}0000${pkt(`${oid} refs/heads/failsafe-incidents\0multi_ack side-band-64k\n`)}0000`);
    const changed = addHeadSymref(advertised, 'failsafe-incidents').toString('latin1');
    expect(changed).toContain(pkt(`${oid} refs/heads/failsafe-incidents\0multi_ack side-band-64k symref=HEAD:refs/heads/failsafe-incidents\n`));
    expect(changed.endsWith('0000')).toBe(true);
  });

  it('leaves an advertisement that names HEAD, or has no refs, as it is', () => {
    const withHead = Buffer.from(`${pkt('# service=git-upload-pack\n')}0000${pkt(`${oid} HEAD\0multi_ack symref=HEAD:refs/heads/main\n`)}0000`);
    expect(addHeadSymref(withHead, 'x')).toEqual(withHead);
    const empty = Buffer.from(`${pkt('# service=git-upload-pack\n')}0000${pkt(`${'0'.repeat(40)} capabilities^{}\0multi_ack\n`)}0000`);
    expect(addHeadSymref(empty, 'x')).toEqual(empty);
    expect(addHeadSymref(Buffer.from('garbage'), 'x')).toEqual(Buffer.from('garbage'));
  });
});
