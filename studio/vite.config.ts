import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The studio is a static single-page app served at `/` next to the API's `/graphql`. In development Vite
 * proxies `/graphql` to the API (USM_API_URL, default http://localhost:4000), so the session cookie stays
 * same-origin exactly as in production.
 */
const apiUrl = process.env.USM_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // public/ holds the placeholder page the API serves until it serves dist/: keep it out of the build.
  publicDir: false,
  server: {
    port: Number(process.env.STUDIO_PORT ?? 5173),
    proxy: { '/graphql': { target: apiUrl, changeOrigin: false } },
  },
  preview: {
    port: Number(process.env.STUDIO_PORT ?? 4173),
    proxy: { '/graphql': { target: apiUrl, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
