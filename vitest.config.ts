import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify('test'),
  },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'deploy/**/*.test.ts'],
    environment: 'node',
    // A ceiling, not a delay: tests that start real processes (the command line, a server) take
    // seconds on a busy machine, and the default of 5 s failed them there.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
