import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node; `site` drives the built dist/ in headless Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/site/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser at a time: the machines have 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
