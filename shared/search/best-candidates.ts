/** A candidate offered to the list: its score, what breaks a tie (compared in order, lower first), and what it carries. */
export interface Offered<T> {
  doc: number;
  score: number;
  rank: readonly number[];
  candidate?: T;
}

/**
 * The `size` best of the candidates offered, by score and then by rank: what sorting them all and
 * taking the first `size` would give, without sorting thousands to keep thirty (a query's text
 * matches most of a 10,000-runbook library).
 */
export class BestCandidates<T> {
  readonly entries: Offered<T>[] = [];

  constructor(private readonly size: number) {}

  offer(entry: Offered<T>): void {
    const { entries } = this;
    if (entries.length === this.size && !before(entry, entries[entries.length - 1])) return;
    let at = entries.length;
    while (at > 0 && before(entry, entries[at - 1])) at--;
    entries.splice(at, 0, entry);
    if (entries.length > this.size) entries.pop();
  }
}

function before(a: Offered<unknown>, b: Offered<unknown>): boolean {
  if (a.score !== b.score) return a.score > b.score;
  for (let index = 0; index < a.rank.length; index++) if (a.rank[index] !== b.rank[index]) return a.rank[index] < b.rank[index];
  return false;
}
