// ESLint: typescript-eslint's recommended rules over the TypeScript sources, the tests and the build scripts.
//
// Without type information on purpose: the type-aware rule sets took about three times as long here (≈ 40 s of CPU
// against ≈ 11 s), and `tsc --noEmit` already checks the types in `npm test`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'out/', '.vscode-test/', 'test-output/', 'samples/', 'test/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A cleanup handler is often written before the resource it frees exists (`let server; const stop = () =>
      // server?.stop(); server = await start()`): that `let` cannot be a `const`. Likewise `let [s, e] = …` where
      // only `e` changes.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true, destructuring: 'all' }],
      // A leading underscore marks a parameter an interface requires but this implementation does not need.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The webviews' scripts run in the page, with the webview API's one global.
    files: ['media/**/*.js'],
    languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    // The build and test scripts run in Node.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
);
