import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// type-graphql requires graphql's CommonJS build: make Vite load that same copy (see api/vitest.config.ts).
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: { graphql: graphqlEntry } },
  test: {
    include: ['api/**/*.test.ts', 'embedded/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    // Cheaper password hashing and a quieter log than in production; the behaviour is the same.
    env: { USM_PASSWORD_HASH_COST: '10', USM_LOG_LEVEL: 'warn' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
