import { describe, expect, it } from 'vitest';
import { describeDatabaseFailure } from '../../../renderer/app/services/database-errors';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('describeDatabaseFailure', () => {
  it.each([
    [named('MissingAPIError', 'IndexedDB API missing'), 'Storage is not available'],
    [named('QuotaExceededError'), 'The disk is full'],
    [Object.assign(named('OpenFailedError'), { inner: { name: 'QuotaExceededError' } }), 'The disk is full'],
    [named('VersionError'), 'The library was saved by a newer Failsafe'],
    [named('DatabaseClosedError', 'Database has been blocked'), 'Another Failsafe window holds the library'],
    [new Error('disk I/O error'), 'The library could not be opened'],
    [new Error('library snapshot refused: unknown format version 1'), 'The library could not be opened'],
  ])('explains %s in plain words', (error, title) => {
    const failure = describeDatabaseFailure(error);
    expect(failure.title).toBe(title);
    expect(failure.detail.length).toBeGreaterThan(10);
  });
});
