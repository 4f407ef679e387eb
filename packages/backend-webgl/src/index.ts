// @lab/backend-webgl: lab's kernels for tfjs's webgl backend. Importing it imports
// @tensorflow/tfjs-backend-webgl (which registers the 'webgl' backend in a browser) and registers
// lab's kernels for 'webgl'; no backend is initialised until the app selects one.
import { registerWebGLKernels } from './register.js';

registerWebGLKernels();

export { webglAdamUpdate } from './adam-update.js';
export { webglDenseBackward } from './dense-backward.js';
export { registerWebGLKernels, webglKernelConfigs } from './register.js';
export { webglSgdUpdate } from './sgd-update.js';
export { webglSoftmaxCrossEntropy } from './softmax-cross-entropy.js';
