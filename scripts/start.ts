// `npm start`: the desktop app where Electron is installed or can be fetched; elsewhere the same app,
// built and served on 127.0.0.1 for a browser, with one line saying where and why.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, fetchElectron } from './electron-binary';
import { serveInBrowser } from './serve-in-browser';

const npm = (...args: string[]) => spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit' }).status === 0;

let binary = electronBinary();
let missing: string | undefined;
if (!binary) {
  missing = fetchElectron();
  binary = electronBinary();
}
if (binary) {
  if (!npm('build')) process.exit(1);
  const app = spawn(binary, ['.'], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!npm('build:library') || !npm('build:renderer', '--', '--logLevel', 'warn')) process.exit(1);
  await serveInBrowser(`the Electron binary is not installed and ${missing ?? 'could not be found'}`);
}
