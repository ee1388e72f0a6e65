/**
 * The benchmark build (test/bench/suites/studio.ts runs it into a temporary folder): the studio's own
 * production settings, with two pages instead of the app — the real canvas over an in-memory architecture
 * (bench/studio.html) and bare React Flow with the same nodes (bench/bare-flow.html). Never part of dist/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import studio from './vite.config.ts';

export default mergeConfig(
  studio,
  defineConfig({
    build: {
      outDir: 'node_modules/.cache/bench-dist',
      sourcemap: false,
      target: 'es2022',
      rollupOptions: {
        input: {
          studio: fileURLToPath(new URL('bench/studio.html', import.meta.url)),
          bare: fileURLToPath(new URL('bench/bare-flow.html', import.meta.url)),
        },
      },
    },
  }),
);
