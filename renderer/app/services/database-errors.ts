export interface DatabaseFailure {
  title: string;
  detail: string;
}

/** Plain words for why the database could not open, so the window is never blank. */
export function describeDatabaseFailure(error: unknown): DatabaseFailure {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const inner = `${name} ${message} ${(error as { inner?: { name?: string } } | null)?.inner?.name ?? ''}`;
  if (/MissingAPI|indexedDB.*not|SecurityError/i.test(inner)) {
    return { title: 'Storage is not available', detail: 'This window cannot use local storage (a private window or a locked-down profile). Open Failsafe in a normal profile.' };
  }
  if (/Quota/i.test(inner)) {
    return { title: 'The disk is full', detail: 'There is not enough free space to store the library. Free some disk space and restart Failsafe.' };
  }
  // By name only: "unknown format version" in a message is a bad file, not a newer database.
  if (/\bVersionError\b/.test(`${name} ${(error as { inner?: { name?: string } } | null)?.inner?.name ?? ''}`)) {
    return { title: 'The library was saved by a newer Failsafe', detail: 'This version of Failsafe cannot read it. Update Failsafe; the library is left as it is.' };
  }
  if (/Blocked/i.test(inner)) {
    return { title: 'Another Failsafe window holds the library', detail: 'Close other Failsafe windows or tabs, then try again.' };
  }
  return { title: 'The library could not be opened', detail: message };
}
