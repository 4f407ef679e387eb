import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The app's code on tfjs's cpu backend, in Node.
    setupFiles: ['@lab/testing/setup-cpu'],
    // The end-to-end test builds the app and drives a real browser.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
