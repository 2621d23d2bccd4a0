import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// Reads a repository's objects straight from its pack files (and loose objects), so that a sync
// reads the library from the commit without a work tree (library-tree.ts): checking out 5,000
// runbooks took isomorphic-git 5 s, most of it resolving each file's chain of deltas again from
// the start, and took the git command line seconds on a disk slow to take many small files.
// Whatever this reader cannot read (a pack index it does not know, a damaged object) is a
// GitObjectsError, which fails the sync with its reason: nothing is guessed.

type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

export class GitObjectsError extends Error {}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Longer chains than git ever writes (its default is 50) are refused: a crafted pack cannot loop or nest without end. */
const MAX_CHAIN = 4_096;
/** No object read here is larger: a repository's library files are far smaller (512 KB each), and its trees too. */
export const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

interface Pack {
  file: string;
  /** Open while objects are read; the pack is read a piece at a time, never whole (it may hold large files the library never reads). */
  fd?: number;
  size?: number;
  /** Where each object starts, by id (hex). */
  offsets: Map<string, number>;
  /** Where the object after each one starts (the end of its compressed data). */
  ends: Map<number, number>;
}

export class GitObjects {
  private readonly packs: Pack[];
  /** Objects resolved, by pack and offset: a delta's base is resolved once however many deltas use it. */
  private readonly resolved = new Map<Pack, Map<number, GitObject>>();

  constructor(private readonly gitdir: string) {
    const folder = path.join(gitdir, 'objects', 'pack');
    const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.idx')).sort() : [];
    this.packs = names.map((name) => readPackIndex(path.join(folder, name)));
  }

  /** The object `oid` (40 hex digits); throws GitObjectsError when it is missing or cannot be read here. */
  read(oid: string): GitObject {
    if (!/^[0-9a-f]{40}$/.test(oid)) throw new GitObjectsError(`not an object id: ${oid.slice(0, 60)}`);
    const at = this.locate(oid);
    const object = at ? this.readPacked(at.pack, at.offset) : this.readLoose(oid);
    // As git does: an object is what its id says, or the repository is damaged (a pack altered on
    // disk could otherwise give another file's text, or a delta applied to the wrong base).
    const id = createHash('sha1').update(`${object.type} ${object.data.length}\0`).update(object.data).digest('hex');
    if (id !== oid) throw new GitObjectsError(`object ${oid} does not match its id: the repository is damaged`);
    return object;
  }

  /**
   * The size of object `oid` without resolving it: from its pack entry's header or, for a delta,
   * its delta's header. A file too large to read is then refused by its size, not inflated.
   */
  size(oid: string): number {
    const at = this.locate(oid);
    if (!at) return this.looseSize(oid);
    const pack = this.packFile(at.pack);
    const header = readHeader(pack, at.offset, at.pack.ends.get(at.offset));
    if (TYPES[header.type]) return header.size;
    const entry = readEntry(pack, at.offset, at.pack.ends.get(at.offset));
    return entry.kind === 'whole' ? entry.object.data.length : deltaSizes(entry.delta).result;
  }

  private readLoose(oid: string): GitObject {
    const raw = inflate(readFileSync(this.loosePath(oid)), MAX_OBJECT_BYTES + 64);
    const { type, size, start } = looseHeader(raw, oid);
    const data = raw.subarray(start);
    if (size !== data.length) throw new GitObjectsError(`object ${oid} is not the size its header says`);
    return { type, data };
  }

  /** A loose object's size, from the start of its stream alone (the file may be huge). */
  private looseSize(oid: string): number {
    const file = this.loosePath(oid);
    const fd = openSync(file, 'r');
    try {
      const start = Buffer.alloc(Math.min(fstatSync(fd).size, 256));
      readSync(fd, start, 0, start.length, 0);
      let head: Buffer;
      try {
        head = zlib.inflateSync(start, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      } catch (error) {
        throw new GitObjectsError(`object ${oid} could not be inflated (${error instanceof Error ? error.message : String(error)})`);
      }
      return looseHeader(head, oid).size;
    } finally {
      closeSync(fd);
    }
  }

  private loosePath(oid: string): string {
    const file = path.join(this.gitdir, 'objects', oid.slice(0, 2), oid.slice(2));
    if (!existsSync(file)) throw new GitObjectsError(`object ${oid} is not in the repository`);
    return file;
  }

  /** Resolves the object at `offset` and the chain of bases under it, bottom up, without recursion. */
  private readPacked(pack: Pack, offset: number): GitObject {
    const done = this.resolvedOf(pack);
    const found = done.get(offset);
    if (found) return found;
    const chain: { pack: Pack; offset: number; delta: Buffer }[] = [];
    let at: { pack: Pack; offset: number } = { pack, offset };
    let base: GitObject | undefined;
    while (!base) {
      if (chain.length > MAX_CHAIN) throw new GitObjectsError(`a chain of more than ${MAX_CHAIN} deltas at offset ${offset}`);
      const entry = readEntry(this.packFile(at.pack), at.offset, at.pack.ends.get(at.offset));
      if (entry.kind === 'whole') {
        base = entry.object;
        this.resolvedOf(at.pack).set(at.offset, base);
        break;
      }
      chain.push({ ...at, delta: entry.delta });
      const next = entry.kind === 'ofs' ? { pack: at.pack, offset: entry.baseOffset } : this.locate(entry.baseOid);
      const known = next && this.resolvedOf(next.pack).get(next.offset);
      if (known) base = known;
      else if (next) at = next;
      // A base that is a loose object: read whole (a thin pack's base, left loose by the fetch).
      else if (entry.kind === 'ref') base = this.readLoose(entry.baseOid);
    }
    for (let index = chain.length - 1; index >= 0; index--) {
      base = { type: base.type, data: applyDelta(base.data, chain[index].delta) };
      this.resolvedOf(chain[index].pack).set(chain[index].offset, base);
    }
    return base;
  }

  private locate(oid: string): { pack: Pack; offset: number } | undefined {
    for (const pack of this.packs) {
      const offset = pack.offsets.get(oid);
      if (offset !== undefined) return { pack, offset };
    }
    return undefined;
  }

  private resolvedOf(pack: Pack): Map<number, GitObject> {
    let map = this.resolved.get(pack);
    if (!map) this.resolved.set(pack, (map = new Map()));
    return map;
  }

  /** Closes the pack files read. */
  close(): void {
    for (const pack of this.packs) {
      if (pack.fd !== undefined) closeSync(pack.fd);
      pack.fd = undefined;
    }
  }

  /** The pack file as a reader of pieces, opened (and its signature checked) on first use. */
  private packFile(pack: Pack): PackFile {
    if (pack.fd === undefined) {
      pack.fd = openSync(pack.file, 'r');
      pack.size = fstatSync(pack.fd).size;
      if (pack.size < 32 || readPiece(pack.fd, 0, 4).toString('latin1') !== 'PACK') throw new GitObjectsError(`${path.basename(pack.file)} is not a pack file`);
    }
    const fd = pack.fd;
    return { size: pack.size ?? 0, piece: (start, end) => readPiece(fd, start, end) };
  }
}

/** A pack file: its size, and any piece of it. */
interface PackFile {
  size: number;
  piece(start: number, end: number): Buffer;
}

function readPiece(fd: number, start: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, end - start));
  const read = readSync(fd, buffer, 0, buffer.length, start);
  if (read !== buffer.length) throw new GitObjectsError('a pack file is cut short');
  return buffer;
}

/** A loose object's header, `<type> <size>\0`, at the start of its inflated stream. */
function looseHeader(raw: Buffer, oid: string): { type: ObjectType; size: number; start: number } {
  const space = raw.indexOf(0x20);
  const nul = raw.indexOf(0);
  const type = space < 0 ? '' : raw.toString('latin1', 0, space);
  const size = nul > space ? raw.toString('latin1', space + 1, nul) : '';
  if (!['commit', 'tree', 'blob', 'tag'].includes(type) || !/^\d{1,15}$/.test(size)) throw new GitObjectsError(`object ${oid} has no valid header`);
  return { type: type as ObjectType, size: Number(size), start: nul + 1 };
}

/** A pack index, version 2 (what git and isomorphic-git write): every object's id and offset. */
function readPackIndex(file: string): Pack {
  const index = readFileSync(file);
  if (index.length < 8 + 256 * 4 || index.readUInt32BE(0) !== 0xff744f63 || index.readUInt32BE(4) !== 2) throw new GitObjectsError(`${path.basename(file)} is not a version 2 pack index`);
  const count = index.readUInt32BE(8 + 255 * 4);
  const ids = 8 + 256 * 4;
  const small = ids + count * 20 + count * 4;
  const large = small + count * 4;
  if (index.length < large + 40) throw new GitObjectsError(`${path.basename(file)} is cut short`);
  const offsets = new Map<string, number>();
  for (let at = 0; at < count; at++) {
    let offset = index.readUInt32BE(small + at * 4);
    if (offset & 0x80000000) {
      const slot = large + (offset & 0x7fffffff) * 8;
      if (slot + 8 > index.length - 40) throw new GitObjectsError(`${path.basename(file)} points past its end`);
      offset = Number(index.readBigUInt64BE(slot));
    }
    offsets.set(index.toString('hex', ids + at * 20, ids + at * 20 + 20), offset);
  }
  const sorted = [...offsets.values()].sort((a, b) => a - b);
  const ends = new Map<number, number>();
  // The last object ends where the pack's 20-byte checksum starts, known once the pack is read.
  for (let at = 0; at < sorted.length - 1; at++) ends.set(sorted[at], sorted[at + 1]);
  return { file: file.replace(/\.idx$/, '.pack'), offsets, ends };
}

type Entry = { kind: 'whole'; object: GitObject } | { kind: 'ofs'; baseOffset: number; delta: Buffer } | { kind: 'ref'; baseOid: string; delta: Buffer };
type Header = { type: number; size: number; data: number; end: number; baseOffset?: number; baseOid?: string };

/** Bytes enough for any entry's header: its type and size, then a delta's base (an offset, or a 20-byte id). */
const HEADER_BYTES = 64;

/** The header of the entry at `offset`: its type, its size (inflated) and where its data starts. */
function readHeader(pack: PackFile, offset: number, end = pack.size - 20): Header {
  if (offset < 12 || offset >= end || end > pack.size - 20) throw new GitObjectsError(`no object at offset ${offset}`);
  const bytes = pack.piece(offset, Math.min(end, offset + HEADER_BYTES));
  let at = 0;
  const next = () => {
    if (at >= bytes.length) throw new GitObjectsError(`object header at offset ${offset} is malformed`);
    return bytes[at++];
  };
  let byte = next();
  const type = (byte >> 4) & 7;
  let size = byte & 15;
  for (let shift = 4; byte & 0x80; shift += 7) {
    if (shift > 35) throw new GitObjectsError(`object header at offset ${offset} is malformed`);
    byte = next();
    size += (byte & 0x7f) * 2 ** shift;
  }
  if (type === OFS_DELTA) {
    byte = next();
    let back = byte & 0x7f;
    while (byte & 0x80) {
      if (back > 2 ** 40) throw new GitObjectsError(`delta at offset ${offset} is malformed`);
      byte = next();
      back = (back + 1) * 128 + (byte & 0x7f);
    }
    if (back <= 0 || back > offset) throw new GitObjectsError(`delta at offset ${offset} points outside the pack`);
    return { type, size, data: offset + at, end, baseOffset: offset - back };
  }
  if (type === REF_DELTA) {
    if (at + 20 > bytes.length) throw new GitObjectsError(`delta at offset ${offset} is cut short`);
    return { type, size, data: offset + at + 20, end, baseOid: bytes.toString('hex', at, at + 20) };
  }
  if (!TYPES[type]) throw new GitObjectsError(`object at offset ${offset} has an unknown type (${type})`);
  return { type, size, data: offset + at, end };
}

/** The entry at `offset`: its data inflated (never more than MAX_OBJECT_BYTES). */
function readEntry(pack: PackFile, offset: number, end?: number): Entry {
  const header = readHeader(pack, offset, end);
  if (header.size > MAX_OBJECT_BYTES) throw new GitObjectsError(`object at offset ${offset} is ${header.size} bytes, over the ${MAX_OBJECT_BYTES}-byte limit`);
  const data = inflateExactly(pack.piece(header.data, header.end), header.size, offset);
  if (header.baseOffset !== undefined) return { kind: 'ofs', baseOffset: header.baseOffset, delta: data };
  if (header.baseOid !== undefined) return { kind: 'ref', baseOid: header.baseOid, delta: data };
  return { kind: 'whole', object: { type: TYPES[header.type], data } };
}

function inflateExactly(compressed: Buffer, size: number, offset: number): Buffer {
  const data = inflate(compressed, size);
  if (data.length !== size) throw new GitObjectsError(`object at offset ${offset} is not the size its header says`);
  return data;
}

/** zlib, stopping at `limit` bytes out: a small stream that inflates to gigabytes is refused, not held. */
function inflate(compressed: Buffer, limit: number): Buffer {
  try {
    // maxOutputLength makes zlib throw past the limit instead of filling memory.
    return zlib.inflateSync(compressed, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    throw new GitObjectsError(`an object could not be inflated (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A delta's header: the size of its base and of its result, and where its instructions start. */
function deltaSizes(delta: Buffer): { base: number; result: number; start: number } {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= delta.length || shift > 35) throw new GitObjectsError('delta header is malformed');
      byte = delta[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const base = varint();
  const result = varint();
  return { base, result, start: at };
}

/** Git's delta format: the base's size, the result's size, then copies from the base and inserted bytes. */
function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const { base: baseSize, result: size, start } = deltaSizes(delta);
  if (baseSize !== base.length) throw new GitObjectsError('delta does not fit its base');
  if (size > MAX_OBJECT_BYTES) throw new GitObjectsError(`delta result is ${size} bytes, over the ${MAX_OBJECT_BYTES}-byte limit`);
  let at = start;
  const out = Buffer.allocUnsafe(size);
  let written = 0;
  while (at < delta.length) {
    const op = delta[at++];
    if (op & 0x80) {
      let from = 0;
      let length = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) from += delta[at++] * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (16 << bit)) length += delta[at++] * 2 ** (8 * bit);
      if (length === 0) length = 0x10000;
      if (at > delta.length || from + length > base.length || written + length > size) throw new GitObjectsError('delta copies outside its base or result');
      base.copy(out, written, from, from + length);
      written += length;
    } else if (op) {
      if (at + op > delta.length || written + op > size) throw new GitObjectsError('delta inserts past its end');
      delta.copy(out, written, at, at + op);
      written += op;
      at += op;
    } else {
      throw new GitObjectsError('delta has a reserved instruction');
    }
  }
  if (written !== size) throw new GitObjectsError('delta result is not the size it says');
  return out;
}
