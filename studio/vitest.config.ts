import { defineConfig } from 'vitest/config';

// Unit tests of the studio core: plain TypeScript, so the node environment is enough. A test that needs a
// DOM opts in with a `// @vitest-environment happy-dom` comment at its top.
export default defineConfig({
  test: {
    name: 'studio',
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
