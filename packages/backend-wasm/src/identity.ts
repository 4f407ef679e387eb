import * as tf from '@tensorflow/tfjs-core';

type SharingBackend = { incRef(dataId: tf.DataId): void; readSync(dataId: tf.DataId): tf.backend_util.BackendValues };

/**
 * `Identity` (what `tf.clone` and tfjs's autodiff run to keep every tensor a gradient needs) for
 * tfjs's 'wasm' backend, replacing the stock kernel, which copies the data: a training step
 * copied every saved input and output once more, and every `customGrad` op (e.g.
 * `tf.fused.conv2d` with a linear activation) failed tfjs's leak check under `IS_TEST`
 * ("internal memory leak (n data ids)"). This one shares the data, counted, as tfjs-cpu's and
 * tfjs-webgl's do and as the wasm backend's own `Reshape` does; tfjs tensors are immutable and no
 * kernel writes into its inputs. Strings are copied, as before. The caller owns the returned
 * tensor.
 */
export const wasmIdentity: tf.KernelConfig = {
  kernelName: tf.Identity,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const backend = args.backend as unknown as SharingBackend;
    if (x.dtype === 'string') return tf.tensor(backend.readSync(x.dataId) as Uint8Array[], x.shape, x.dtype);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  },
};

