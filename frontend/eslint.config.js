// ESLint: typescript-eslint strict, React hooks, no import cycles, jsx-a11y.
// Runs in `make test` (npm run lint) and must stay clean.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'wailsjs/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  jsxA11y.flatConfigs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      // The classic hook rules, and purity. The React Compiler's other rules (refs,
      // set-state-in-effect, incompatible-library, preserve-manual-memoization) are not on: the app does not use the compiler, and
      // the latest-value ref it flags is deliberate (stable callbacks for streams).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/purity': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every user-visible string goes through i18next (src/i18n): text in JSX and the
    // attributes a person reads or a screen reader speaks. jsx-only also checks string
    // literals inside JSX expressions ({busy ? 'Saving…' : 'Save'}).
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx', 'src/test/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        'jsx-attributes': {
          include: ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'description', 'heading', 'message', 'emptyText', 'confirmLabel', 'text'],
          exclude: [],
        },
        // Not words: one character (a key cap like "f", a mark like "!" or "⊘"), punctuation,
        // symbols and digits only, emoji, constants in capitals, product names.
        words: { exclude: ['.', 'Kubedeck', 'Kubernetes', '[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', /^[\p{P}\p{S}\p{N}\s]+$/u, /^\p{Emoji}+$/u] },
        // Ids passed to a view's own render helpers (tab('yaml', t('…')), section(id, …, 'group')).
        callees: { exclude: ['tab', 'tabButton', 'section', 't', 'tr', 'translate', 'i18n(ext)?', 'require', 'includes', 'indexOf', 'endsWith', 'startsWith', 'cx', 'classNames', 'setAttribute', 'getAttribute', 'get', 'has', 'querySelector'] },
      }],
    },
  },
  {
    // Tests may assert what they just arranged.
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['*.{js,ts}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
