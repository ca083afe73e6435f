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
  // Modules run in import order even when the bundler moves them into shared chunks, so
  // src/jitless.ts configures zod before any schema is built (else zod's eval probe is a CSP
  // report). Needed since #/practice and the case view share a chunk that needs zod.
  build: { rolldownOptions: { output: { strictExecutionOrder: true } } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/codesets/global-setup.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
