import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The cpu backend, and tfjs-core's gradients (tests differentiate losses with tf.grad).
  test: { setupFiles: ['@lab/testing/setup-cpu', '@lab/core/register-gradients'], testTimeout: 60_000 },
});
