// Build step: the loader and parser turn runbooks/ into the snapshot the renderer ships with.
// Fails the build when the bundled library has errors: we never ship a broken library.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadLibraryFolder } from '../electron/library-loader';
import { formatLintReport } from '../electron/lint-report';
import type { LibraryMeta } from '../shared/model';
import { buildSearchIndex } from '../shared/search/search-engine';

const root = process.env.FAILSAFE_LIBRARY ?? 'runbooks';
const out = path.join('build', 'public');

const snapshot = await loadLibraryFolder(root, { kind: 'bundled', builtAt: new Date().toISOString() });
const report = formatLintReport(snapshot, new Date().toISOString().slice(0, 10));
if (report.errors > 0) {
  console.error(report.text);
  process.exit(1);
}
const meta: LibraryMeta = { version: snapshot.version, source: snapshot.source };
await mkdir(out, { recursive: true });
await writeFile(path.join(out, 'library.json'), JSON.stringify(snapshot));
await writeFile(path.join(out, 'library-meta.json'), JSON.stringify(meta));
// The search index is built here once, so a first launch only has to store it.
await writeFile(path.join(out, 'search-index.json'), JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks)));
console.log(`bundled library ${snapshot.version}: ${report.text.split('\n').pop()}`);
