// Lint, and the layering rules of docs/architecture.md made mechanical: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'stream', 'worker_threads'];

const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'build/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
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
    files: ['shared/**'],
    rules: {
      ...layer(['electron', '**/electron/**', '**/renderer/**', 'react', 'react-dom', 'dexie', ...nodeBuiltins], 'shared/ stays pure: no Node, no electron, no DOM, no renderer or electron/ code.'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**'],
    rules: layer(['electron', '**/electron/**', ...nodeBuiltins], 'renderer/ never imports electron, Node built-ins or electron/ code.'),
  },
  {
    files: ['renderer/components/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='window'][property.name='failsafe']", message: 'Components reach the bridge through a store or renderer/api, never directly.' }],
      ...layer(['electron', '**/electron/**', ...nodeBuiltins, '**/api/bridge'], 'Components reach the bridge through a store, not directly.'),
    },
  },
  {
    files: ['electron/**'],
    rules: layer(['**/renderer/**', 'react', 'react-dom'], 'electron/ never imports renderer code.'),
  },
);
