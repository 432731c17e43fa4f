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
