import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-frontend.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for what a loaded machine does eventually (a page re-rendering, a push arriving); 1 s is too short.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
