// Lint, and the process boundaries: each folder may import only what its process has.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'stream', 'util', 'events', 'net'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in both processes: no Node modules.' },
            { group: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers'], message: 'shared/ runs in both processes: no electron or database.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'lexical', '@lexical/*'], message: 'shared/ has no DOM.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only from shared/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/serve.ts', 'electron/syncServer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: "Only electron/main and electron/preload may import 'electron'." },
            { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'core is imported by hosts, never the other way.' },
            { group: ['better-sqlite3', 'better-sqlite3-multiple-ciphers'], message: 'The SQLite driver is named only in electron/core/db/driver.ts: import from there.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/db/driver.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron'], message: 'The renderer talks to core only through the API client.' },
            { group: [...nodeBuiltins, 'better-sqlite3', 'better-sqlite3-multiple-ciphers'], message: 'The renderer has no Node: use the API client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
