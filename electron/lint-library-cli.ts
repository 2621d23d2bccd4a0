// `npm run lint:library -- <folder> [--strict]`: checks a runbook folder the way the app will read
// it, for a team's own CI. Prints each problem and the library health findings; exits 1 when any
// problem is an error (with --strict, also on any health finding), 2 when the folder is unreadable.
import { loadLibraryFolder } from './library-loader';
import { formatLintReport } from './lint-report';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const folder = args.find((arg) => !arg.startsWith('--'));
if (!folder) {
  console.error('usage: npm run lint:library -- <folder> [--strict]');
  process.exit(2);
}

try {
  const snapshot = await loadLibraryFolder(folder, { kind: 'bundled', builtAt: new Date().toISOString() });
  const report = formatLintReport(snapshot, new Date().toISOString().slice(0, 10), strict);
  console.log(report.text);
  process.exit(report.errors > 0 ? 1 : 0);
} catch (error) {
  console.error(`cannot read library folder ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
