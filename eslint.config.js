import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layering (docs/ARCHITECTURE.md): model imports nothing of ours with I/O; capture, search and store
// never reach up into services or cli; services never into cli.
const forbid = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'scratch/', 'coverage/', 'bench/.work/', '.demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/model/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': forbid(['**/store/**', '**/services/**', '**/cli/**', '**/capture/**', 'node:*', 'pg', 'better-sqlite3', 'kysely'], 'src/model is pure: no I/O, store, capture, services or cli') } },
  { files: ['src/estimate/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': forbid(['**/store/**', '**/services/**', '**/cli/**', '**/capture/**', 'node:*'], 'src/estimate is pure: no I/O, store, services or cli') } },
  { files: ['src/capture/**/*.ts', 'src/search/**/*.ts', 'src/extract/**/*.ts', 'src/resolve/**/*.ts'], rules: { 'no-restricted-imports': forbid(['**/store/**', '**/services/**', '**/cli/**', '**/server/**'], 'stages do not reach into the store, services, server or cli') } },
  { files: ['src/store/**/*.ts'], rules: { 'no-restricted-imports': forbid(['**/services/**', '**/cli/**', '**/capture/**'], 'the store does not reach up into services or cli') } },
  { files: ['src/store/dialect/*/migrations/*.ts'], rules: { 'no-restricted-imports': forbid(['../**', './**'], 'migrations are frozen and import no application code') } },
  { files: ['src/intake/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': forbid(['**/store/**', '**/services/**', '**/cli/**', '**/server/**', 'node:*'], 'src/intake runs in the browser too: no I/O, store, services, server or cli') } },
  { files: ['src/services/**/*.ts'], rules: { 'no-restricted-imports': forbid(['**/cli/**', '**/server/**'], 'services do not reach into the cli or the server') } },
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': forbid(['**/cli/**'], 'the server does not reach into the cli') } },
  // The workspace runs in the browser and talks to the API only: it may import the model (types, vocabulary), nothing with I/O.
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid(['**/store/**', '**/services/**', '**/cli/**', '**/server/**', '**/capture/**', '**/extract/**', '**/resolve/**', 'node:*'], 'the workspace talks to the JSON API only'),
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'document text is untrusted: render it as React text' }, { selector: "JSXAttribute[name.name='style']", message: 'the CSP forbids inline styles: use a class' }],
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'never build HTML from strings' }, { property: 'outerHTML', message: 'never build HTML from strings' }],
    },
  },
);
