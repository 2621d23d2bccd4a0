import { describe, expect, it } from 'vitest';
import { chooseLibrary } from '../../../shared/library/library-choice';
import type { LibraryMeta } from '../../../shared/model';

const bundle = (version: string, builtAt: string): LibraryMeta => ({ version, source: { kind: 'bundled', builtAt } });
const git = (committedAt: string): LibraryMeta => ({ version: 'g', source: { kind: 'git', commit: 'abc', committedAt, syncedAt: committedAt } });

describe('chooseLibrary', () => {
  it('imports the bundle into an empty database', () => {
    expect(chooseLibrary(undefined, bundle('v1', '2026-01-01T00:00:00Z'))).toBe('import-bundled');
  });
  it('keeps the same bundle and takes a newer one after an app upgrade', () => {
    expect(chooseLibrary(bundle('v1', '2026-01-01T00:00:00Z'), bundle('v1', '2026-01-01T00:00:00Z'))).toBe('keep');
    expect(chooseLibrary(bundle('v1', '2026-01-01T00:00:00Z'), bundle('v2', '2026-02-01T00:00:00Z'))).toBe('import-bundled');
    expect(chooseLibrary(bundle('v2', '2026-02-01T00:00:00Z'), bundle('v1', '2026-01-01T00:00:00Z'))).toBe('keep');
  });
  it('keeps a Git library unless the bundle is newer than its commit', () => {
    expect(chooseLibrary(git('2026-03-01T00:00:00Z'), bundle('v2', '2026-02-01T00:00:00Z'))).toBe('keep');
    expect(chooseLibrary(git('2026-01-01T00:00:00Z'), bundle('v2', '2026-02-01T00:00:00Z'))).toBe('import-bundled');
  });
});
