import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desk, eventsOf, seqsFrom, sharedSeq, type Desk } from './share-support';

describe('sharing incidents through a shared folder', () => {
  let folder: string;
  let outside: string;
  const desks: Desk[] = [];
  const open = async (writer: string, at = folder) => {
    const made = await desk(writer, { mode: 'folder', folder: at }, undefined);
    desks.push(made);
    return made;
  };

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'failsafe-shared-folder-'));
    outside = await mkdtemp(path.join(tmpdir(), 'failsafe-outside-'));
  });

  afterEach(async () => {
    for (const made of desks.splice(0)) await rm(made.userData, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('two writers exchange both ways; each file holds its writer’s events; again brings nothing new', async () => {
    const a = await open('writer-a');
    const b = await open('writer-b');
    const first = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 3) }]);
    expect(first).toMatchObject({ incoming: [], refused: [] });
    expect(first.offline).toBeUndefined();
    expect(sharedSeq(first)).toBe(3);
    const written = await readFile(path.join(folder, 'incidents', 'inc-1', 'writer-a.jsonl'), 'utf8');
    expect(written.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(eventsOf('writer-a', 3));

    const onB = await b.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-b', 2) }]);
    expect(seqsFrom(onB, 'writer-a')).toEqual([1, 2, 3]);
    const onA = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 4) }], [{ incidentId: 'inc-1', writer: 'writer-b', lastSeq: 0 }]);
    expect(seqsFrom(onA, 'writer-b')).toEqual([1, 2]);
    expect(seqsFrom(await b.exchange([], [{ incidentId: 'inc-1', writer: 'writer-a', lastSeq: 3 }]), 'writer-a')).toEqual([4]);
    const again = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 4) }], [{ incidentId: 'inc-1', writer: 'writer-b', lastSeq: 2 }]);
    expect(again).toMatchObject({ incoming: [], refused: [] });
    // No temporary file is left beside the writers' files.
    expect((await readdir(path.join(folder, 'incidents', 'inc-1'))).sort()).toEqual(['writer-a.jsonl', 'writer-b.jsonl']);
  });

  it('a file holding something else is rewritten from the writer’s own events', async () => {
    const a = await open('writer-a');
    await mkdir(path.join(folder, 'incidents', 'inc-1'), { recursive: true });
    await writeFile(path.join(folder, 'incidents', 'inc-1', 'writer-a.jsonl'), 'edited by hand\n');
    await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 2) }]);
    expect(await readFile(path.join(folder, 'incidents', 'inc-1', 'writer-a.jsonl'), 'utf8')).toBe(eventsOf('writer-a', 2).map((event) => `${JSON.stringify(event)}\n`).join(''));
  });

  it('a forged line is refused and listed; links are never followed, read or written through', async () => {
    const a = await open('writer-a');
    const incident = path.join(folder, 'incidents', 'inc-1');
    await mkdir(incident, { recursive: true });
    const [bEvent] = eventsOf('writer-b', 1);
    const [aEvent] = eventsOf('writer-a', 1);
    await writeFile(path.join(incident, 'writer-b.jsonl'), `${JSON.stringify(bEvent)}\n${JSON.stringify({ ...aEvent, incidentId: 'inc-1' })}\n{broken\n`);
    await writeFile(path.join(outside, 'secret.jsonl'), `${JSON.stringify(eventsOf('writer-c', 1)[0])}\n`);
    await symlink(path.join(outside, 'secret.jsonl'), path.join(incident, 'writer-c.jsonl'));
    // An incident folder that is a link to elsewhere: this writer's file must not land there.
    await symlink(outside, path.join(folder, 'incidents', 'inc-2'));

    const reply = await a.exchange([{ incidentId: 'inc-2', events: eventsOf('writer-a', 1, 'inc-2') }]);
    expect(reply.incoming).toEqual([{ incidentId: 'inc-1', writer: 'writer-b', events: [bEvent] }]);
    expect(reply.refused).toEqual(
      expect.arrayContaining([
        { path: 'incidents/inc-1/writer-b.jsonl', line: 2, reason: expect.stringMatching(/another writer/) },
        { path: 'incidents/inc-1/writer-b.jsonl', line: 3, reason: 'not JSON' },
        { path: 'incidents/inc-1/writer-c.jsonl', reason: expect.stringMatching(/link/) },
        { path: 'incidents/inc-2', reason: expect.stringMatching(/link/) },
      ]),
    );
    expect(sharedSeq(reply, 'inc-2')).toBe(0);
    expect((await readdir(outside)).sort()).toEqual(['secret.jsonl']);
  });

  it('an incidents folder that is a link is neither written nor read', async () => {
    await symlink(outside, path.join(folder, 'incidents'));
    await mkdir(path.join(outside, 'inc-1'));
    await writeFile(path.join(outside, 'inc-1', 'writer-b.jsonl'), `${JSON.stringify(eventsOf('writer-b', 1)[0])}\n`);
    const a = await open('writer-a');
    const reply = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 1) }]);
    expect(reply.offline?.kind).toBe('content-refused');
    expect(reply.incoming).toEqual([]);
    expect(await readdir(path.join(outside, 'inc-1'))).toEqual(['writer-b.jsonl']);
  });

  it('a folder that cannot be reached is offline: nothing made in its place, events go out once it is back', async () => {
    const missing = path.join(folder, 'not-mounted');
    const a = await open('writer-a', missing);
    const reply = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 2) }]);
    expect(reply.offline).toMatchObject({ kind: 'offline', message: expect.stringMatching(/cannot be reached/) });
    expect(sharedSeq(reply) ?? 0).toBe(0);
    expect(await readdir(folder)).toEqual([]);
    await mkdir(missing);
    const back = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 2) }]);
    expect(back.offline).toBeUndefined();
    expect(sharedSeq(back)).toBe(2);
  });

  it('settings: a folder must be given as a full path', async () => {
    const a = await open('writer-a');
    expect(await a.share.saveSettings({ mode: 'folder', folder: 'team/incidents', url: '', branch: 'failsafe-incidents', transport: 'isomorphic-git', pollSeconds: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/full path/) });
    expect(await a.share.settings()).toMatchObject({ mode: 'folder', folder, libraryUrl: '', hasToken: false });
  });
});
