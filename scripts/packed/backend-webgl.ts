// @lab/backend-webgl installed from its tarball, in Node (no WebGL): importing registers lab's
// kernels for 'webgl' (one per @lab/core contract it implements), idempotently, and initialises
// no backend.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { adamUpdate, denseBackward, hasKernel, labKernels, sgdUpdate, softmaxCrossEntropy } from '@lab/core';
import { registerWebGLKernels, webglAdamUpdate, webglKernelConfigs } from '@lab/backend-webgl';

for (const contract of [adamUpdate, denseBackward, sgdUpdate, softmaxCrossEntropy]) {
  assert.ok(hasKernel(contract, 'webgl'), `${contract.name} is not registered for webgl`);
}
const implemented = labKernels.filter((contract) => hasKernel(contract, 'webgl')).map((contract) => contract.name);
assert.deepEqual(implemented.sort(), webglKernelConfigs.map((config) => config.kernelName).sort());
for (const config of webglKernelConfigs) {
  assert.equal(config.backendName, 'webgl');
  assert.equal(tf.getKernel(config.kernelName, 'webgl'), config);
}
assert.equal(webglAdamUpdate.kernelName, adamUpdate.name);
registerWebGLKernels(); // idempotent
assert.equal(webglKernelConfigs.every((config) => tf.getKernel(config.kernelName, 'webgl') === config), true);
// Nothing was initialised, and tfjs-backend-webgl registers its backend only in a browser.
assert.equal(tf.findBackendFactory('webgl'), null);
assert.equal(tf.findBackend('webgl'), null);
console.log('backend-webgl ok');
