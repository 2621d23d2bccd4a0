// `npm start`: builds and runs the desktop app. npm 11 skips Electron's install script, so the
// binary is fetched here on first start; where that download cannot work, one line says so and
// names the browser preview, before any time is spent building.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    delete require.cache[require.resolve('electron')];
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'ignore' });
  binary = electronBinary();
}
if (!binary) {
  console.error('Failsafe cannot start: the Electron binary is not installed and could not be downloaded here; run `npm run preview` to use Failsafe in a browser.');
  process.exit(1);
}
if (spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
