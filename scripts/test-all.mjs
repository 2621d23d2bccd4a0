// `npm test`: everything a change must pass, in order, with one line of totals at the end.
// Checks (typecheck, lint, library lint) count as one test each; vitest and Playwright report theirs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'build/reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function check(name, command, args) {
  const ok = run(command, args);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('lint (incl. layering rules)', 'npx', ['eslint', '.']);
check('bundled library lint', 'npx', ['tsx', 'electron/lint-library-cli.ts', 'runbooks']);

if (!run('npm', ['run', '--silent', 'build'])) {
  totals.failed++;
  lines.push('build: FAILED');
} else {
  const vitestOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${reports}/vitest.json`]);
  const vitest = readJson(`${reports}/vitest.json`);
  if (vitest) {
    totals.passed += vitest.numPassedTests;
    totals.failed += vitest.numFailedTests;
    totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
    lines.push(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
  }
  if (!vitest || (!vitestOk && vitest.numFailedTests === 0)) {
    totals.failed++;
    lines.push('vitest: the run itself failed');
  }

  const e2eOk = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`, FAILSAFE_E2E_SKIP_BUILD: '1' });
  const stats = readJson(`${reports}/playwright.json`)?.stats;
  if (stats) {
    const failed = stats.unexpected + stats.flaky;
    totals.passed += stats.expected;
    totals.failed += failed;
    totals.skipped += stats.skipped;
    lines.push(`playwright: ${stats.expected} passed, ${failed} failed, ${stats.skipped} skipped`);
  }
  if (!stats || (!e2eOk && stats.unexpected + stats.flaky === 0)) {
    totals.failed++;
    lines.push('playwright: the run itself failed');
  }
}

console.log(`\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
