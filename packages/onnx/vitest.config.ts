import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { setupFiles: ['@lab/testing/setup-cpu'], testTimeout: 60_000 },
});
