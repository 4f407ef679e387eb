import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The cpu backend, and tfjs-core's gradients from this package's bundle (or, before a build,
  // tfjs-core's sources).
  test: { setupFiles: ['@lab/testing/setup-cpu', './src/test/gradients.ts'], testTimeout: 60_000 },
});
