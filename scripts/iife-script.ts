// A browser script that must travel inside a file of its own making (the offline copy's one inline
// script) is written as a module like any other and imported as `./file.ts?iife`: at build time
// esbuild bundles it with everything it imports (MiniSearch, fuse.js, shared/search/…) into one
// immediately-invoked function, and the import's value is that code as a string. So the copy always
// carries the app's current search code, never a hand-kept copy of it.
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const SUFFIX = '?iife';

export interface IifeBundle {
  code: string;
  /** The files bundled, so a dev server or test watcher rebuilds when one changes. */
  inputs: string[];
}

/** `entry` and all it imports as one minified IIFE for browsers of the app's age (ES2022). */
export async function bundleIife(entry: string): Promise<IifeBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return { code: result.outputFiles[0].text.trim(), inputs: Object.keys(result.metafile.inputs).map((input) => path.resolve(input)) };
}

/** Vite (and Vitest) plugin: `import script from './x.ts?iife'` gives the bundled code of `x.ts`. */
export function iifeScripts(): Plugin {
  return {
    name: 'failsafe-iife-script',
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const bundle = await bundleIife(id.slice(0, -SUFFIX.length));
      for (const input of bundle.inputs) this.addWatchFile(input);
      return `export default ${JSON.stringify(bundle.code)};`;
    },
  };
}
