import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { setupFiles: ['@lab/testing/setup-cpu', './src/test/wasm.ts'], testTimeout: 60_000 },
});
