import { defineConfig } from 'vitest/config';

// One run over every package's tests: api (unit tests of the domain core), studio (its core: commands,
// rules, layout) and test (API against real PostgreSQL, the embedded database smoke test).
export default defineConfig({
  test: {
    projects: ['api', 'test', 'studio'],
  },
});
