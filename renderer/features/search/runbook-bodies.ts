import type { FailsafeDatabase } from '../../app/services/database';

/** Runbooks read from the database at a time while the bodies are kept: each chunk is a short task, so searches in between wait little. */
const CHUNK = 100;

/**
 * The bodies of the library searched, kept in the search worker: naming the section a hit matched
 * in (and its matching line) needs the hit's body, and reading a few runbooks from IndexedDB took 7
 * ms at the median and up to 20 ms per query at 10,000 runbooks, as long as the search itself.
 * Once a library is searched, its bodies are read a chunk at a time in the background (about 20 MB
 * at 10,000 runbooks); until then, and for any body not kept, the database answers.
 * Only the bodies of the library stored under that version are kept: each chunk is read with the
 * library's record in the same transaction, and reading stops if another library is stored.
 */
export class RunbookBodies {
  private version: string | undefined;
  private bodies = new Map<string, string>();

  constructor(
    private readonly db: () => FailsafeDatabase,
    private readonly chunk = CHUNK,
  ) {}

  /** Keeps the bodies of library `version` (the one now searched), read in the background; those of any other are let go. */
  keep(version: string): Promise<void> {
    if (this.version === version) return Promise.resolve();
    this.version = version;
    const bodies = new Map<string, string>();
    this.bodies = bodies;
    // A read that fails only means the database answers each search, as before.
    return this.fill(version, bodies).catch(() => undefined);
  }

  /** The bodies of runbooks `ids` of library `version`, from memory where kept; undefined for a runbook not stored. */
  async read(version: string, ids: string[]): Promise<(string | undefined)[]> {
    const kept = this.version === version ? this.bodies : undefined;
    const missing = ids.filter((id) => !kept?.has(id));
    const stored = missing.length ? await this.db().runbooks.bulkGet(missing) : [];
    const found = new Map(missing.map((id, index) => [id, stored[index]?.body]));
    return ids.map((id) => kept?.get(id) ?? found.get(id));
  }

  private async fill(version: string, bodies: Map<string, string>): Promise<void> {
    const db = this.db();
    let after: string | undefined;
    while (this.bodies === bodies) {
      const runbooks = await db.transaction('r', db.meta, db.runbooks, async () => {
        if ((await db.meta.get('library'))?.value.version !== version) return undefined;
        return (after === undefined ? db.runbooks.orderBy(':id') : db.runbooks.where(':id').above(after)).limit(this.chunk).toArray();
      });
      if (this.bodies !== bodies) return;
      if (!runbooks) {
        // The database holds another library (this one's import is not stored yet, or failed):
        // nothing is kept, and the next keep() of this version reads again.
        this.version = undefined;
        return;
      }
      for (const runbook of runbooks) bodies.set(runbook.id, runbook.body);
      if (runbooks.length < this.chunk) return;
      after = runbooks[runbooks.length - 1].id;
      // A search waiting for the thread goes first.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
