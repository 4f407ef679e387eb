import * as tf from '@tensorflow/tfjs-core';

/** The fused Adam kernel a backend may register (e.g. @lab/backend-native's 'native'). */
const adamUpdateKernel = 'LabAdamUpdate';

/**
 * Adam's new moments and unit-free update for one parameter in one `LabAdamUpdate` call (no
 * `param`, `scale` 1): `[update, m', v']`, the same folded bias-correction form as
 * {@link scaleByAdam}'s composite ops. The caller owns the results (tidy tracks them).
 */
export function fusedAdamUpdate(
  grad: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  attrs: { beta1: number; beta2: number; epsilon: number; count: number },
): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const outputs = tf.engine().runKernel(adamUpdateKernel, { grad, m, v }, { ...attrs, scale: 1 }) as tf.Tensor[];
  return [outputs[0]!, outputs[1]!, outputs[2]!];
}
