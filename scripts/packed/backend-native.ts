// @lab/backend-native installed from its tarball, with the addon that `pnpm build` compiled for
// this machine: importing registers the 'native' backend, which multiplies as the cpu backend does.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { loadNativeBackend, nativeBackendName, nativeInfo } from '@lab/backend-native';

const status = await loadNativeBackend();
assert.ok(status.ok, `the addon did not load: ${status.ok ? '' : status.reason}`);
assert.equal(await tf.setBackend(nativeBackendName), true);
const before = tf.memory().numTensors;
const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
const b = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
const product = tf.matMul(a, b);
assert.deepEqual(Array.from(product.dataSync()), [4, 5, 10, 11]);
tf.dispose([a, b, product]);
assert.equal(tf.memory().numTensors, before);
assert.ok(['generic', 'avx2', 'avx512'].includes(nativeInfo().isa));
console.log(tf.getBackend(), nativeInfo().isa);
