import { type DenseBackwardAttrs, denseBackward as denseBackwardContract, hasKernel, runKernel } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';

/** Whether the active backend registers @lab/core's `LabDenseBackward`. */
export function hasFusedDenseBackward(): boolean {
  return hasKernel(denseBackwardContract);
}

type DenseGrads = { dKernel: tf.Tensor; dBias?: tf.Tensor; dx?: tf.Tensor };

/**
 * All gradients of `act(x · kernel + bias)` in one `LabDenseBackward` call; `saved` is
 * `[x, kernel, y]` (`y`, the layer's output, is read for relu). The caller owns the results.
 */
export function denseBackward(
  saved: tf.Tensor[],
  dy: tf.Tensor,
  attrs: DenseBackwardAttrs,
): DenseGrads {
  const [x, kernel, y] = saved as [tf.Tensor, tf.Tensor, tf.Tensor | undefined];
  const outs = runKernel(denseBackwardContract, { x, kernel, dy, y }, { ...attrs });
  return {
    dKernel: outs[0]!,
    ...(attrs.hasBias ? { dBias: outs[1] } : {}),
    ...(attrs.inputGrad ? { dx: outs[outs.length - 1] } : {}),
  };
}

/**
 * `act(x · kernel + bias)` for a rank-2 `x` and a relu or linear activation: the forward pass is
 * tfjs's `_FusedMatMul` kernel, the backward pass one `LabDenseBackward` call. The caller owns the
 * result. Call only when {@link hasFusedDenseBackward} is true.
 *
 * A `tf.customGrad` computes a gradient for each of its inputs eagerly, and a layer cannot tell
 * whether its input needs one (the first layer's input is data; `tf.grad` may ask for it). So
 * the gradient is split over three tape nodes: a weights node (inputs kernel, bias), an input
 * node (input x, same value) and a node joining them. The tape skips a node none of whose inputs
 * lead from the differentiated tensors, so the input node runs only when dx is needed; it runs
 * before the weights node (it was recorded later) and then computes all gradients in one call,
 * leaving dKernel and dBias to the weights node, which otherwise computes them without dx.
 */
export function fusedDense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor | undefined, activation: 'linear' | 'relu'): tf.Tensor2D {
  const hasBias = bias !== undefined;
  const attrs = { activation, hasBias };
  // Gradients the input node computed for the weights node, in the same backward pass.
  let pending: DenseGrads | undefined;
  return tf.tidy(() => {
    const weightsNode = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      // The kernel itself: tf.fused.matMul would split a relu into three ops while recording.
      const inputs: tf.NamedTensorMap = bias ? { a: x, b: kernel, bias } : { a: x, b: kernel };
      const y = tf.engine().runKernel('_FusedMatMul', inputs, { transposeA: false, transposeB: false, activation }) as tf.Tensor;
      (args[args.length - 1] as tf.GradSaveFunc)(activation === 'relu' ? [x, kernel, y] : [x, kernel]);
      return {
        value: y,
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const grads = pending && !pending.dKernel.isDisposed ? pending : denseBackward(saved, dy, { ...attrs, inputGrad: false });
          pending = undefined;
          return hasBias ? [grads.dKernel, grads.dBias!] : [grads.dKernel];
        },
      };
    });
    const fromWeights = hasBias ? weightsNode(kernel, bias) : weightsNode(kernel);
    const inputNode = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      (args[args.length - 1] as tf.GradSaveFunc)(activation === 'relu' ? [x, kernel, fromWeights] : [x, kernel]);
      return {
        value: tf.clone(fromWeights),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          pending = denseBackward(saved, dy, { ...attrs, inputGrad: true });
          return [pending.dx!];
        },
      };
    });
    // Joins the two: the value of either, the upstream gradient to both.
    const join = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
      value: tf.clone(args[0] as tf.Tensor),
      gradFunc: (dy: tf.Tensor) => [dy, dy],
    }));
    return join(fromWeights, inputNode(x)) as tf.Tensor2D;
  });
}
