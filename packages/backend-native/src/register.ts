import { type HostWriter, registerHostWriter } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { NativeAddon } from './addon.js';
import { adamUpdateKernel } from './kernels/adam-update.js';
import { batchMatMulKernel } from './kernels/batch-mat-mul.js';
import { binaryKernels } from './kernels/binary.js';
import { conv2dBackpropFilterKernel, conv2dBackpropInputKernel, conv2dKernel, fusedConv2dKernel } from './kernels/conv2d.js';
import { denseBackwardKernel } from './kernels/dense-backward.js';
import { fusedMatMulKernel } from './kernels/fused-mat-mul.js';
import { leadingSumKernel } from './kernels/leading-sum.js';
import { reluKernel } from './kernels/relu.js';
import { momentumUpdateKernel } from './kernels/momentum-update.js';
import { correlate1dKernel, uniform1dKernel } from './kernels/line-filters.js';
import { avgPoolGradKernel, avgPoolKernel, maxPoolGradKernel, maxPoolKernel } from './kernels/pool.js';
import { rmspropUpdateKernel } from './kernels/rmsprop-update.js';
import { sgdUpdateKernel } from './kernels/sgd-update.js';
import { softmaxCrossEntropyKernel } from './kernels/softmax-cross-entropy.js';
import { stepKernel } from './kernels/step.js';
import { NativeBackend } from './native-backend.js';

/** The backend's name in tfjs: `tf.setBackend('native')`. */
export const nativeBackendName = 'native';

/**
 * Priority of 'native' among registered backends: above wasm (2) and cpu (1), like tfjs-node's
 * 'tensorflow' (3), so that `tf.ready()` picks it when nothing else is set.
 */
export const nativeBackendPriority = 3;

function cpuKernel(name: string): tf.KernelFunc {
  const config = tf.getKernel(name, 'cpu');
  if (!config) throw new Error(`native: the cpu backend has no ${name} kernel to fall back to`);
  return config.kernelFunc;
}

/** A cpu kernel that tells the backend when its output views an input's memory (see {@link NativeBackend}). */
function watchAliases(kernelFunc: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const out = kernelFunc(args);
    (args.backend as NativeBackend).noteAliases(args.inputs, out as tf.TensorInfo | tf.TensorInfo[]);
    return out;
  };
}

/** Fit's batches are built in the backend's recycled arrays (see `NativeBackend.allocate`). */
const nativeHostWriter: HostWriter = (shape, size) => {
  const backend = tf.findBackend(nativeBackendName) as NativeBackend;
  const values = backend.allocate(size);
  return { values, tensor: () => tf.engine().makeTensorFromTensorInfo(backend.makeTensorInfo(shape, 'float32', values)) };
};

/**
 * Registers the 'native' backend: every kernel of the cpu backend under the name 'native', then
 * the addon's kernels over them (BatchMatMul, _FusedMatMul, the convolutions and pools with their gradients, the broadcasting binary ops) and the fused Lab* kernels.
 * Idempotent.
 */
export function registerNativeBackend(addon: NativeAddon): void {
  if (tf.findBackendFactory(nativeBackendName)) return;
  const own = [
    batchMatMulKernel(addon, cpuKernel(tf.BatchMatMul)),
    fusedMatMulKernel(addon, cpuKernel(tf._FusedMatMul)),
    conv2dKernel(addon, cpuKernel(tf.Conv2D)),
    fusedConv2dKernel(addon, cpuKernel(tf.FusedConv2D)),
    conv2dBackpropFilterKernel(addon, cpuKernel(tf.Conv2DBackpropFilter)),
    conv2dBackpropInputKernel(addon, cpuKernel(tf.Conv2DBackpropInput)),
    maxPoolKernel(addon, cpuKernel(tf.MaxPool)),
    maxPoolGradKernel(addon, cpuKernel(tf.MaxPoolGrad)),
    avgPoolKernel(addon, cpuKernel(tf.AvgPool)),
    avgPoolGradKernel(addon, cpuKernel(tf.AvgPoolGrad)),
    stepKernel(addon, cpuKernel(tf.Step)),
    reluKernel(addon, cpuKernel(tf.Relu)),
    leadingSumKernel(addon, cpuKernel(tf.Sum)),
    ...binaryKernels(addon),
    adamUpdateKernel(addon),
    momentumUpdateKernel(addon),
    sgdUpdateKernel(addon),
    rmspropUpdateKernel(addon),
    softmaxCrossEntropyKernel(addon),
    denseBackwardKernel(addon),
    correlate1dKernel(addon),
    uniform1dKernel(addon),
  ];
  const replaced = new Set(own.map((k) => k.kernelName));
  for (const config of tf.getKernelsForBackend('cpu')) {
    if (!replaced.has(config.kernelName)) tf.registerKernel({ ...config, backendName: nativeBackendName, kernelFunc: watchAliases(config.kernelFunc) });
  }
  for (const config of own) tf.registerKernel(config);
  tf.registerBackend(nativeBackendName, () => new NativeBackend(), nativeBackendPriority);
  registerHostWriter(nativeBackendName, nativeHostWriter);
}
