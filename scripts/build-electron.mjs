// Bundles the main process and the preload into single CommonJS files: the sandboxed preload
// cannot require our other modules, and the packaged app then needs no node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('built dist-electron/main.cjs and dist-electron/preload.cjs');
