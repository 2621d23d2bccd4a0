// `npm run lint:library -- <folder> [--strict] [--site-base URL=folder]…`: checks a runbook folder
// the way the app will read it, for a team's own CI. Prints each problem and the library health
// findings (alerting rules without a runbook among them); exits 1 when any problem is an error
// (with --strict, also on any health finding), 2 when the folder or an option is unreadable.
import { loadLibraryFolder } from './library-loader';
import { formatLintReport, parseSiteBase } from './lint-report';
import type { SiteBase } from '../shared/alerts/links/library-path-links';

const USAGE = 'usage: npm run lint:library -- <folder> [--strict] [--site-base https://site/runbooks/=folder]…';
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const siteBases: SiteBase[] = [];
let folder: string | undefined;
for (let index = 0; index < args.length; index++) {
  const arg = args[index];
  if (arg === '--site-base' || arg.startsWith('--site-base=')) {
    const value = arg === '--site-base' ? args[++index] : arg.slice('--site-base='.length);
    const base = value === undefined ? undefined : parseSiteBase(value);
    if (!base) {
      console.error(`--site-base needs URL=folder (https://runbooks.example.dev/runbooks/=content/runbooks), not ${value ?? 'nothing'}\n${USAGE}`);
      process.exit(2);
    }
    siteBases.push(base);
  } else if (!arg.startsWith('--')) folder ??= arg;
}
if (!folder) {
  console.error(USAGE);
  process.exit(2);
}

try {
  const snapshot = await loadLibraryFolder(folder, { kind: 'bundled', builtAt: new Date().toISOString() });
  const report = formatLintReport(snapshot, new Date().toISOString().slice(0, 10), strict, siteBases);
  console.log(report.text);
  process.exit(report.errors > 0 ? 1 : 0);
} catch (error) {
  console.error(`cannot read library folder ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
