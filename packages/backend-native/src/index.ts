// @lab/backend-native: a tfjs backend for Node built on an N-API addon. Importing the package
// registers the 'native' backend when the addon loads; it never throws when it does not.
import { loadNativeBackendSync } from './load-native-backend.js';

export type { NativeInfo, NativeIsa } from './addon.js';
export { kernelNames } from './kernel-names.js';
export type { AdamUpdateAttrs } from './kernels/adam-update.js';
export type { DenseBackwardAttrs } from './kernels/dense-backward.js';
export type { MomentumUpdateAttrs } from './kernels/momentum-update.js';
export type { RmspropUpdateAttrs } from './kernels/rmsprop-update.js';
export type { SgdUpdateAttrs } from './kernels/sgd-update.js';
export type { SoftmaxCrossEntropyAttrs } from './kernels/softmax-cross-entropy.js';
export {
  loadNativeBackend,
  loadNativeBackendSync,
  type NativeStatus,
  nativeInfo,
  setNativeIsa,
  setNativeThreads,
} from './load-native-backend.js';
export { NativeBackend } from './native-backend.js';
export { nativeBackendName, nativeBackendPriority } from './register.js';

loadNativeBackendSync();
