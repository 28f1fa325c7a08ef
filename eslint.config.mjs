import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The inner rings (domain, workflows) stay plain TypeScript: no framework, no driver.
const infrastructure = [
  { group: ['@nestjs/*', '@nestjs'], message: 'libs/domain and workflows/* must not depend on NestJS (architecture §1).' },
  { group: ['pg', 'pg-*'], message: 'libs/domain and workflows/* must not depend on a database driver.' },
  { group: ['@electric-sql/*'], message: 'libs/domain and workflows/* must not depend on PGlite.' },
  { group: ['kafkajs'], message: 'libs/domain and workflows/* must not depend on Kafka.' },
  { group: ['@eventstore/*', '@kurrent/*'], message: 'libs/domain and workflows/* must not depend on a store client.' },
  { group: ['**/apps/**', '**/event-store/**', '**/projections/**'], message: 'Dependencies point inwards: the core cannot import outer rings.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Plain Node scripts (a test's child process, say) run in Node, not a browser.
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    files: ['libs/domain/**/*.ts', 'workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: infrastructure }] },
  },
);
