// `npm start`: runs the desktop app, or says in one line why it cannot and what to use instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require('electron');
} catch {
  binary = undefined;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error('Electron binary is not installed on this machine (its download was skipped or failed); run `npm run preview` to use Failsafe in a browser.');
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
