// Bundles the main process, the preload and the parse worker into single CommonJS files: the sandboxed preload
// cannot require our other modules, and the packaged app then needs no node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
// The library reader's worker thread: parsing a synced library never stalls the main process.
await build({ ...common, entryPoints: ['electron/parse-worker.ts'], outfile: 'dist-electron/parse-worker.cjs' });
console.log('built dist-electron/main.cjs, preload.cjs and parse-worker.cjs');
