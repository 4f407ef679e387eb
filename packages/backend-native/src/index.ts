// @lab/backend-native: a tfjs backend for Node built on an N-API addon. Importing the package
// registers the 'native' backend when the addon loads; it never throws when it does not.
import { loadNativeBackendSync } from './load-native-backend.js';

export type { NativeInfo, NativeIsa } from './addon.js';
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
