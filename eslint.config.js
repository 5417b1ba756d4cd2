import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'data/generated/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // lib/ holds pure modules: strings in, data out. The CLI, the build and the tests own I/O.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto'], message: 'lib/ is pure: no Node APIs.' },
            { group: ['webextension-polyfill', 'wxt/*', 'dexie'], message: 'lib/ parsers and matchers take no browser API.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'process'],
    },
  },
  {
    // The store is the one part of lib/ that holds state: it may use Dexie (IndexedDB), still no extension API,
    // so that it runs under fake-indexeddb in unit tests exactly as in the service worker.
    files: ['lib/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto'], message: 'lib/ is pure: no Node APIs.' },
            { group: ['webextension-polyfill', 'wxt/*'], message: 'The store takes no extension API; the background wires it.' },
          ],
        },
      ],
    },
  },
);
