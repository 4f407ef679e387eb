import type * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

/**
 * The 'native' backend: the cpu backend's storage and kernels, with the hot kernels replaced by
 * the addon's. Tensors live in Float32Arrays in JavaScript memory, shared with the addon without
 * copies.
 */
export class NativeBackend extends MathBackendCPU {
  constructor() {
    super();
    // The cpu backend greets its first Node user with advice to install tfjs-node; not ours.
    (this as unknown as { firstUse: boolean }).firstUse = false;
  }

  /** The float32 values of a tensor held by this backend, without a copy. */
  float32(t: tf.TensorInfo, name: string): Float32Array {
    const values = this.data.get(t.dataId).values;
    if (!(values instanceof Float32Array)) throw new Error(`native: ${name} must be float32, got ${t.dtype}`);
    return values;
  }
}
