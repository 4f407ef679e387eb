import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The Node tests: tfjs's cpu backend active, as nothing in Node offers WebGL, and the package
  // imported from its sources, which registers lab's webgl kernels. The kernels themselves run in
  // headless Chromium (webgl-kernels.e2e.test.ts), whose test bundles its page and starts
  // Chromium in its hook.
  test: { setupFiles: ['@lab/testing/setup-cpu', './src/index.ts'], testTimeout: 60_000, hookTimeout: 90_000 },
});
