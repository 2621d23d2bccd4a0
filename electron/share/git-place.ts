// Sharing through a Git repository: a bare clone under `<userData>/share/repo`. Each writer commits
// only its own files, on top of the remote branch as last fetched (so its commit is always a fast
// forward, and never conflicts: nobody else writes those files), and pushes. A push refused because
// someone pushed meanwhile fetches and goes again. Unreachable, the commits stay in the clone and
// the next exchange puts them on top of whatever the remote has by then.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_JOURNAL_BYTES } from '../../shared/incident/journal';
import type { ShareRefusal, WriterPlace } from '../../shared/sharing/share-contract';
import { localRef, remoteRef, type Remote, type ShareGit, type TreeEntry } from './share-git';
import { unreachable, type Outgoing, type PlaceFile, type Published, type SharePlace } from './share-place';
import { lastSeqIn, ownFileText, writerFileAt, writerFilePath } from './writer-files';

export interface GitPlaceOptions {
  /** The bare clone; made when missing, made afresh when the remote or branch changed. */
  dir: string;
  git: ShareGit;
  remote: Remote;
  /** Called between the fetch and each push (tests push as another writer there). */
  beforePush?: () => Promise<void>;
}

/** Someone pushed between our fetch and our push this many times in a row: give up until the next exchange. */
export const MAX_PUSH_ATTEMPTS = 5;
const REMOTE_FILE = 'failsafe-remote.json';

export function createGitPlace(options: GitPlaceOptions): SharePlace {
  const { dir, git, remote } = options;
  let readFrom: string | undefined;

  /** This writer's files in a commit: their blob ids by path. */
  const ownEntries = async (commit: string | undefined, writer: string) => {
    const own = new Map<string, string>();
    if (!commit) return own;
    for (const entry of await git.entries(dir, commit)) {
      if (isFile(entry) && writerFileAt(entry.path)?.writer === writer) own.set(entry.path, entry.oid);
    }
    return own;
  };
  const incidentOf = (file: string) => file.split('/')[1];

  /** This writer's files as they should be on top of `base`: the ones this clone holds that `base` lacks (queued), then those sent now. */
  const changesOn = async (base: string | undefined, localTip: string | undefined, writer: string, outgoing: Outgoing[]) => {
    const baseOwn = await ownEntries(base, writer);
    const changes = new Map<string, { incidentId: string; text: string }>();
    if (localTip && localTip !== base) {
      for (const [file, oid] of await ownEntries(localTip, writer)) {
        if (baseOwn.get(file) !== oid) changes.set(file, { incidentId: incidentOf(file), text: (await git.readBlob(dir, oid)).toString('utf8') });
      }
    }
    for (const { incidentId, events } of outgoing) {
      const file = writerFilePath({ incidentId, writer });
      const text = ownFileText(events);
      if (baseOwn.get(file) === blobId(text)) changes.delete(file);
      else changes.set(file, { incidentId, text });
    }
    return changes;
  };

  return {
    async publish(writer, outgoing) {
      await prepare(dir, git, remote.url, remote.branch);
      let offline: Published['offline'];
      let remoteTip: string | undefined;
      try {
        remoteTip = await git.fetch(dir, remote);
      } catch (error) {
        offline = unreachable(error, [remote.token]);
        remoteTip = await git.resolve(dir, remoteRef(remote.branch));
      }
      let localTip = await git.resolve(dir, localRef(remote.branch));
      for (let attempt = 1; ; attempt++) {
        // Online, always on top of the remote; offline, on top of what this clone already holds.
        const base = offline ? (localTip ?? remoteTip) : remoteTip;
        let tip = base;
        const changes = await changesOn(base, localTip, writer, outgoing);
        for (const [file, { incidentId, text }] of [...changes].sort(([a], [b]) => (a < b ? -1 : 1))) {
          tip = await git.commit(dir, tip, [{ path: file, text }], `Failsafe: ${writer} events of ${incidentId}`, writer);
        }
        if (tip) await git.setRef(dir, localRef(remote.branch), tip);
        localTip = tip;
        if (offline || !tip || tip === remoteTip) break;
        await options.beforePush?.();
        let pushed: 'pushed' | 'rejected';
        try {
          pushed = await git.push(dir, remote, tip);
        } catch (error) {
          offline = unreachable(error, [remote.token]);
          break;
        }
        if (pushed === 'pushed') {
          await git.setRef(dir, remoteRef(remote.branch), tip);
          remoteTip = tip;
          break;
        }
        if (attempt === MAX_PUSH_ATTEMPTS) {
          offline = { kind: 'failed', message: `Others published at the same moment ${MAX_PUSH_ATTEMPTS} times in a row. Nothing is lost: your events go out at the next exchange.` };
          break;
        }
        try {
          remoteTip = await git.fetch(dir, remote);
        } catch (error) {
          offline = unreachable(error, [remote.token]);
          break;
        }
      }
      readFrom = localTip ?? remoteTip;
      return { shared: await sharedPlaces(remoteTip, writer, outgoing), offline, refused: [] };
    },

    async others(writer) {
      const commit = readFrom ?? (await git.resolve(dir, localRef(remote.branch))) ?? (await git.resolve(dir, remoteRef(remote.branch)));
      const files: PlaceFile[] = [];
      const refused: ShareRefusal[] = [];
      if (!commit) return { files, refused };
      for (const entry of await git.entries(dir, commit)) {
        const file = writerFileAt(entry.path);
        if (entry.mode === '120000') refused.push({ path: entry.path, reason: 'a link: links in a shared repository are never followed' });
        else if (!isFile(entry)) refused.push({ path: entry.path, reason: 'not a file' });
        else if (!file) refused.push({ path: entry.path, reason: 'not a writer’s file (incidents/<incident>/<writer>.jsonl)' });
        else if (file.writer !== writer) {
          files.push({
            ...file,
            version: entry.oid,
            read: async () => {
              const tooLarge = { path: entry.path, reason: `larger than ${MAX_JOURNAL_BYTES / 1024 / 1024} MB` };
              // The system git says the size before reading; isomorphic-git has the blob read first.
              if ((entry.size ?? 0) > MAX_JOURNAL_BYTES) return tooLarge;
              const blob = await git.readBlob(dir, entry.oid);
              return blob.byteLength > MAX_JOURNAL_BYTES ? tooLarge : blob.toString('utf8');
            },
          });
        }
      }
      return { files, refused };
    },
  };

  /** What of each outgoing incident the remote holds of this writer (as last fetched or pushed). */
  async function sharedPlaces(remoteTip: string | undefined, writer: string, outgoing: Outgoing[]): Promise<WriterPlace[]> {
    const remoteOwn = await ownEntries(remoteTip, writer);
    const places: WriterPlace[] = [];
    for (const { incidentId, events } of outgoing) {
      const oid = remoteOwn.get(writerFilePath({ incidentId, writer }));
      let lastSeq = 0;
      if (oid === blobId(ownFileText(events))) lastSeq = events.length;
      else if (oid) lastSeq = lastSeqIn({ incidentId, writer }, (await git.readBlob(dir, oid)).toString('utf8'));
      places.push({ incidentId, writer, lastSeq });
    }
    return places;
  }
}

const isFile = (entry: TreeEntry) => entry.mode === '100644' || entry.mode === '100755';

/** Git's id of a file holding `text`: lets an unchanged file be seen without reading the repository's copy. */
function blobId(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

/** The clone, made afresh when it was another repository's or branch's: what it holds belongs there. */
async function prepare(dir: string, git: ShareGit, url: string, branch: string): Promise<void> {
  const marker = path.join(dir, REMOTE_FILE);
  const wanted = JSON.stringify({ url, branch });
  const current = await readFile(marker, 'utf8').catch(() => undefined);
  if (current !== wanted) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  await git.prepare(dir, url);
  if (current !== wanted) await writeFile(marker, wanted);
}
