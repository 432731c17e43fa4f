// Lint for the TypeScript sources and tests. Lit templates get eslint-plugin-lit here and
// lit-analyzer (type-aware template checks) in the test command.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.test-dist/**',
    '**/src/generated/**',
    '.reports/**',
    'e2e/test-results/**',
    'e2e/.playground/**',
    'e2e/playwright-report/**',
    // What scripts/size.mjs bundles for size-limit.
    '.size/**',
    // What next build writes for the Next.js example, and the types file it generates.
    'examples/nextjs/.next/**',
    'examples/nextjs/next-env.d.ts',
  ]),
  tseslint.configs.eslintRecommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // A promise that nobody awaits loses its rejection and its ordering, and one handed to a
    // callback that expects nothing back (an event listener, forEach) is never awaited either.
    // Both need types: every TypeScript file is linted with the program of the tsconfig that
    // type-checks it. The project service finds the nearest tsconfig.json that includes the file;
    // the files checked by differently named configs get theirs below.
    files: ['**/*.{ts,tsx,mts,cts}'],
    // Plain Node scripts that no tsconfig checks.
    ignores: ['scripts/**'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's suite and test functions return promises that its runner tracks itself
          // ("the return value can usually be discarded for top level tests"); a subtest made
          // with the context's t.test() must still be awaited, and the rule still says so.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'suite', 'it', 'test'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The browser tests and their helpers: tsconfig.test.json.
    files: ['test-support/**/*.ts', 'packages/{core,element,testing,react,vue}/test/**'],
    // Checked by vue-tsc with its own tsconfig.json (found by the project service).
    ignores: ['packages/vue/test/vue-tsc/**'],
    languageOptions: { parserOptions: { projectService: false, project: 'tsconfig.test.json' } },
  },
  {
    // The playground's Vite config sits at the root but is type-checked with the demo.
    files: ['vite.config.ts'],
    languageOptions: { parserOptions: { projectService: false, project: 'demo/tsconfig.json' } },
  },
  {
    // The Vue page: demo/tsconfig.vue.json (vue-tsc), which demo/tsconfig.json excludes.
    files: ['demo/src/vue/**'],
    languageOptions: { parserOptions: { projectService: false, project: 'demo/tsconfig.vue.json' } },
  },
  {
    // Tests, scripts and the playground may print; tests may use non-null assertions freely.
    files: ['**/test/**', 'test-support/**', 'scripts/**', 'demo/**', 'e2e/**', '**/examples/**', '**/*.config.*'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // chai: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
