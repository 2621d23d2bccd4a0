// Lint, and the layering rules of docs/architecture.md made mechanical: a wrong import fails `npm test`.
// Every source file belongs to exactly one layer; each layer lists the packages it may import, and
// relative imports may not cross into a layer it must not see. A file in no layer fails.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SOURCES = '**/*.{ts,tsx,js,mjs}';

/** Where each layer lives. Order matters only for the message of a file in none. */
const LAYERS = {
  shared: ['shared/**'],
  // The renderer, bottom up: the app's services, the shared UI pieces, the features, then the shell
  // that composes them (and main.tsx, which starts it).
  appServices: ['renderer/app/services/**'],
  ui: ['renderer/ui/**'],
  features: ['renderer/features/**'],
  appShell: ['renderer/app/*.{ts,tsx}', 'renderer/main.tsx'],
  electronMain: ['electron/main.ts', 'electron/preload.ts'],
  electronServices: ['electron/**'],
  tools: ['scripts/**', 'test/**', '*.config.{ts,js,mjs}', 'eslint.config.js'],
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Refuses any package import that is not listed (relative imports are judged by `crossing`). A name ending in `:` allows a scheme (`node:`). */
const onlyPackages = (allowed, message) => ({
  regex: `^(?!\\.|${allowed.map((name) => (name.endsWith(':') ? `${escape(name)}.` : `${escape(name)}(/|$)`)).join('|')})`,
  message,
});
const crossing = (folders, message) => ({ group: folders.map((folder) => `**/${folder}/**`), message });
const imports = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

const NODE = ['node:'];
const SHARED_PACKAGES = ['yaml', 'minisearch', 'fuse.js'];
const RENDERER_PACKAGES = [...SHARED_PACKAGES, 'react', 'react-dom', 'react-markdown', 'remark-gfm', 'dexie', 'zustand'];
// pako: only to hand isomorphic-git Node's zlib for its inflate (electron/sync/native-inflate.ts).
const SERVICE_PACKAGES = [...SHARED_PACKAGES, 'isomorphic-git', 'pako'];

const NO_DIRECT_BRIDGE = { selector: "MemberExpression[object.name='window'][property.name='failsafe']", message: 'The renderer reaches the bridge through app/services/bridge.ts, never window.failsafe directly.' };

/** What every renderer layer may not import, and what its own layer adds (one list: a later rule replaces an earlier one). */
const rendererImports = (...patterns) =>
  imports(
    onlyPackages(RENDERER_PACKAGES, 'renderer/ never imports electron or Node built-ins; only the packages listed in eslint.config.js.'),
    crossing(['electron', 'scripts', 'test'], 'renderer/ never imports electron/ code.'),
    ...patterns,
  );

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'build/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    // A promise nobody awaits loses its error: say `void` where that is meant. (Type-aware, so only
    // for the layers' files: the TypeScript project covers them.)
    files: ['{shared,renderer,electron,scripts,test}/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    files: LAYERS.shared,
    rules: {
      ...imports(
        onlyPackages(SHARED_PACKAGES, 'shared/ stays pure: no Node, no electron, no DOM; only the packages listed in eslint.config.js.'),
        crossing(['electron', 'renderer', 'scripts', 'test'], 'shared/ stays pure: no renderer/ or electron/ code.'),
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // The bridge has one door (app/services/bridge.ts); components (the .tsx files of every renderer
    // layer) reach it and the database through a store or a feature's database module, never directly.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/app/services/bridge.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_DIRECT_BRIDGE] },
  },
  {
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_DIRECT_BRIDGE,
        { selector: 'ImportDeclaration[source.value=/\\/services\\/(bridge|database)$/]', message: 'Components reach the bridge and the database through a store, not directly.' },
      ],
    },
  },
  {
    files: LAYERS.appShell,
    rules: rendererImports(),
  },
  {
    files: LAYERS.features,
    rules: rendererImports(
      { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$)', message: "A feature sees another feature only through its index.ts (import '../<feature>'); add what you need to that index." },
      { regex: '(^|/)features/', message: "A feature sees another feature only through its index.ts (import '../<feature>')." },
      { regex: '^(\\.\\./)+app/(?!services/)', message: 'Features do not import the app shell (App, sidebar, global shortcuts): it imports them.' },
    ),
  },
  {
    files: LAYERS.ui,
    rules: rendererImports(
      { regex: '(^|/)features(/|$)', message: 'renderer/ui/ holds what several features use; it imports no feature.' },
      { regex: '^(\\.\\./)+app/(?!services/)', message: 'renderer/ui/ does not import the app shell.' },
    ),
  },
  {
    files: LAYERS.appServices,
    rules: rendererImports(
      { regex: '^\\.\\./(?!\\.\\.)|(^|/)(ui|features)(/|$)', message: 'app/services is the bottom of the renderer: it imports shared/ and other services, no UI, feature or shell.' },
    ),
  },
  {
    files: LAYERS.electronMain,
    rules: imports(onlyPackages([...SERVICE_PACKAGES, 'electron', ...NODE], 'electron main imports Node, electron and the service packages only.'), crossing(['renderer'], 'electron/ never imports renderer code.')),
  },
  {
    // The services run under plain Node (unit tests, the stand-in host): Electron is injected into
    // them, and they may name its types only.
    files: LAYERS.electronServices,
    ignores: LAYERS.electronMain,
    rules: imports(
      { ...onlyPackages([...SERVICE_PACKAGES, ...NODE], 'electron/ services import Node and the listed packages; only main.ts and preload.ts import electron (types are fine).'), allowTypeImports: true },
      crossing(['renderer'], 'electron/ never imports renderer code.'),
    ),
  },
  {
    // Last, so that no other rule's list replaces this one for a file in no layer.
    files: [SOURCES],
    ignores: Object.values(LAYERS).flat(),
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'This file belongs to no layer: move it into shared/, renderer/app/, renderer/ui/, renderer/features/<feature>/, electron/, scripts/ or test/, or give it a layer in eslint.config.js and docs/architecture.md.' },
      ],
    },
  },
);
