import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports run one way: features → ui/storage/sync/i18n → domain; one entry point per library.
// ESLint replaces (does not merge) a rule set twice for a file, so each folder gets one full list.
const only = (owner, name) => ({ group: [name], message: `Only ${owner} may import ${name}.` });
const dexie = only('src/storage', 'dexie');
const i18next = only('src/i18n', 'i18next');
// later.ts loads it (after the start screen); app-update.ts uses it.
const workbox = only('src/kiosk/app-update.ts and src/kiosk/later.ts', 'workbox-window');
const noFeatures = {
  group: ['../kiosk/**', '../preview/**', '../coordinator/**'],
  message: 'Lower layers do not import features.',
};
const noUi = { group: ['../ui/**'], message: 'storage, sync and i18n do not import ui.' };
const domainOnly = [
  {
    group: ['react', 'react-dom', 'react-dom/*', 'dexie', 'i18next', 'react-i18next', 'react-hook-form', 'workbox-window', 'node:*'],
    message: 'src/domain is plain TypeScript shared by browser and server: no framework, DOM or Node module.',
  },
  { group: ['../*/**', '!../domain/**'], message: 'src/domain imports nothing outside itself.' },
];
const noCoordinator = { group: ['../coordinator/**'], message: 'The kiosk never loads coordinator code.' };

const boundaries = {
  'src/domain/**': domainOnly,
  'src/ui/**': [noFeatures, { group: ['../storage/**', '../sync/**'], message: 'ui holds shared pieces, no storage.' }, dexie, i18next, workbox],
  'src/storage/**': [noFeatures, noUi, i18next, workbox],
  'src/sync/**': [noFeatures, noUi, dexie, i18next, workbox],
  'src/i18n/**': [noFeatures, noUi, dexie, workbox],
  'src/kiosk/**': [noCoordinator, dexie, i18next, workbox],
  'src/preview/**': [noCoordinator, dexie, i18next, workbox],
  'src/coordinator/**': [{ group: ['../kiosk/**', '../preview/**', '../storage/**', '../sync/**'], message: 'The coordinator area uses the server, not the kiosk or its storage.' }, dexie, i18next, workbox],
  'src/*.tsx': [dexie, i18next, workbox],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'test-results', 'playwright-report', 'data', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  ...Object.entries(boundaries).map(([glob, patterns]) => ({
    files: [glob],
    ignores: glob === 'src/kiosk/**' ? ['src/kiosk/app-update.ts', 'src/kiosk/later.ts'] : [],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['src/kiosk/app-update.ts', 'src/kiosk/later.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noCoordinator, dexie, i18next] }] },
  },
);
