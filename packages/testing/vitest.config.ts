import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { setupFiles: ['./src/setup-cpu.ts'], testTimeout: 60_000 },
});
