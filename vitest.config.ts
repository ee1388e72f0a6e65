import { defineConfig } from 'vitest/config';

// One run over every package's tests: api (unit tests of the domain core) and test (API against real
// PostgreSQL, the embedded database smoke test). Each project keeps its own config.
export default defineConfig({
  test: {
    projects: ['api', 'test'],
  },
});
