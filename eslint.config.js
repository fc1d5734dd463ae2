// @ts-check
/**
 * Lint rules, mostly about layers (docs/ARCHITECTURE.md):
 *   core    imports nothing outside src/core but libraries that run anywhere (and project data)
 *   store   imports only core (and idb)
 *   popup, options, article, content, ui  speak to the background only through src/shared's message contract
 *   embed, offscreen  the sentence model and its Chrome host page: neither library nor UI
 *   inside core, a folder imports another folder's index, never its files
 * Type-aware rules run where promises cross into the page or the message contract.
 */
import tseslint from 'typescript-eslint';

const outside = (...layers) =>
  layers.map((layer) => ({ regex: `(^|/)${layer}(/|$)`, message: `this layer may not import from src/${layer}` }));
const NODE_AND_BROWSER = [
  { regex: '^node:', message: 'src/core runs in the browser too: no Node built-ins' },
  { regex: '^(webextension-polyfill|idb|preact)(/|$)', message: 'src/core is pure: no browser or UI libraries' },
];
const CORE_FILES = {
  regex: '^\\.\\./(text|entities|claims|matching|events|library|ranking)/',
  message: "import another core folder through its index ('../text'), not its files",
};

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', '.cache/**', 'node_modules/**', 'bench/page/vendor/**', 'tests/e2e/support/page-probe.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside('shared', 'store', 'background', 'content', 'popup', 'options', 'ui', 'cli', 'embed'),
            ...NODE_AND_BROWSER,
            CORE_FILES,
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: outside('shared', 'background', 'content', 'popup', 'options', 'ui', 'cli') }],
    },
  },
  {
    // The model runtime and its host page: no library, no UI, no background modules.
    files: ['src/embed/**', 'src/offscreen/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outside('background', 'store', 'content', 'popup', 'options', 'ui', 'cli'),
            { regex: '^webextension-polyfill$', message: 'use src/shared/browser' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/article/**', 'src/content/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...outside('background', 'store', 'cli'), { regex: '^webextension-polyfill$', message: 'use src/shared/browser' }] },
      ],
    },
  },
  {
    files: ['src/background/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...outside('content', 'popup', 'options'), { regex: '^webextension-polyfill$', message: 'use src/shared/browser' }] },
      ],
    },
  },
  {
    files: ['src/content/**/*.{ts,tsx}', 'src/background/**/*.ts', 'src/shared/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
);
