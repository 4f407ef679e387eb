// Tests compare the 'native' backend with 'cpu', the exact reference available everywhere. The
// addon must load here: a test run without it fails (CI builds it) instead of skipping.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Node's tfjs-core bundle registers no gradients; @lab/core ships them as one module.
import '@lab/core/register-gradients';
import { loadNativeBackendSync } from '../load-native-backend.js';

// IS_TEST silences tfjs's "install our node backend" banner; it changes no numerics.
tf.env().set('IS_TEST', true);
const status = loadNativeBackendSync();
if (!status.ok) throw new Error(`@lab/backend-native tests need the addon: ${status.reason}`);
await tf.setBackend('native');
