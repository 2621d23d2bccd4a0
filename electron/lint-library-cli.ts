// `npm run lint:library -- <folder>`: checks a runbook folder the way the app will read it, for a
// team's own CI. Prints each problem; exits 1 when any is an error, 2 when the folder is unreadable.
import { loadLibraryFolder } from './library-loader';
import { formatLintReport } from './lint-report';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: npm run lint:library -- <folder>');
  process.exit(2);
}

try {
  const snapshot = await loadLibraryFolder(folder, { kind: 'bundled', builtAt: new Date().toISOString() });
  const report = formatLintReport(snapshot);
  console.log(report.text);
  process.exit(report.errors > 0 ? 1 : 0);
} catch (error) {
  console.error(`cannot read library folder ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
