import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { codesetsPlugin } from './src/codesets/vite-plugin.ts';
import { packsPlugin } from './src/scenarios/vite-plugin.ts';

export default defineConfig({
  plugins: [svelte(), codesetsPlugin(), packsPlugin()],
  // @xstate/svelte otherwise resolves to its CommonJS build under Vitest and loads a second
  // Svelte runtime (lifecycle_outside_component). See: STYLE.md pitfalls, xstate issue #4941.
  resolve: { conditions: ['module', 'browser', 'development|production'] },
  worker: { format: 'es' },
  build: {
    rollupOptions: {
      output: {
        // zod and src/jitless.ts in one chunk, so `jitless` is set when zod is first evaluated,
        // before any chunk builds a schema (else zod probes `new Function`: a CSP violation).
        manualChunks: (id: string) =>
          /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]jitless\.ts$/.test(id) ? 'zod' : undefined,
      },
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/codesets/global-setup.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
