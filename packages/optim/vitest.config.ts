import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The cpu backend, and tfjs-core's gradients (the tests train with tf.variableGrads).
  test: { setupFiles: ['@lab/testing/setup-cpu', '@lab/core/register-gradients'], testTimeout: 60_000 },
});
