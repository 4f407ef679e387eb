import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/**
 * Makes tfjs's cpu backend the active one, with `IS_TEST` set. The cpu backend is the reference:
 * exact, deterministic and available everywhere. `IS_TEST` only silences tfjs's "install the node
 * backend" banner; it changes no numerics. Registers no gradients: tests that differentiate list
 * `@lab/core/register-gradients` in their vitest `setupFiles` too (this package depends on no lab
 * package, so that every package can use it). Tests that switch to another backend can call this
 * to switch back.
 */
export async function setupCpu(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
}
