import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// type-graphql requires graphql's CommonJS build; without this alias Vite would load the ESM build as a
// second copy and the schema would fail with "Cannot use GraphQLObjectType from another module or realm".
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: { graphql: graphqlEntry } },
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    // Cheaper password hashing and a quieter log than in production; the behaviour is the same.
    env: { USM_PASSWORD_HASH_COST: '10', USM_LOG_LEVEL: 'warn' },
  },
});
