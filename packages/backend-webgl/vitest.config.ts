import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The browser test bundles its page and starts Chromium in its hook.
  test: { setupFiles: ['./src/test/setup.ts'], testTimeout: 60_000, hookTimeout: 90_000 },
});
