// Lint rules for the whole workspace. Formatting is Prettier's job; this catches mistakes and keeps the
// layers apart (the domain core must stay free of frameworks).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/data/**',
      'api/src/persistence/migrations/Migration*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  domainBoundary(['api/src/domain/*.ts'], '../*'),
  domainBoundary(['api/src/domain/*/*.ts'], '../../*'),
  {
    // The studio's core (model, commands, rules, history) knows nothing of React, the canvas or the network.
    files: ['studio/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'urql', '@urql/*'],
              message: 'studio/src/core is framework-free: move UI or network code out of it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

/** The domain core is plain TypeScript: it imports only itself (a path that leaves src/domain is refused). */
function domainBoundary(files, outsidePattern) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mikro-orm/*', 'type-graphql', 'graphql', '@apollo/*', 'express', 'pg', 'node:*'],
              message: 'The domain core is plain TypeScript: no framework, database or Node imports.',
            },
            { group: [outsidePattern], message: 'The domain core must not import from other layers.' },
          ],
        },
      ],
    },
  };
}
