// Two documents with the same title ("Operations Runbook" in payments/ and in search/) are told
// apart by where they are: each gets the shortest end of its id (folders, then file) that no other
// document of that title shares. A title nobody else has gets nothing, so most lists do not change.

/** The place shown beside each title that is not unique, by id (`payments/operations`). */
export function titlePlaces(documents: readonly { id: string; title: string }[]): Map<string, string> {
  const byTitle = new Map<string, { id: string; segments: string[] }[]>();
  for (const { id, title } of documents) {
    const key = title.trim().toLowerCase();
    const group = byTitle.get(key);
    const entry = { id, segments: id.split('/') };
    if (group) group.push(entry);
    else byTitle.set(key, [entry]);
  }
  const places = new Map<string, string>();
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const deepest = group.reduce((most, entry) => Math.max(most, entry.segments.length), 0);
    let open = group;
    // One more segment at a time, until every document's end is its own (or its whole id is used).
    for (let depth = 1; open.length && depth <= deepest; depth++) {
      const ends = open.map((entry) => entry.segments.slice(-depth).join('/'));
      const counts = new Map<string, number>();
      for (const entry of group) {
        const end = entry.segments.slice(-depth).join('/');
        counts.set(end, (counts.get(end) ?? 0) + 1);
      }
      open = open.filter((entry, index) => {
        const whole = depth >= entry.segments.length;
        if (counts.get(ends[index]) !== 1 && !whole) return true;
        places.set(entry.id, ends[index]);
        return false;
      });
    }
  }
  return places;
}

/** A title with its place when it has one: "Operations Runbook (payments/operations)", for plain text. */
export function titleWithPlace(title: string, place: string | undefined): string {
  return place ? `${title} (${place})` : title;
}
