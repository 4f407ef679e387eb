// Every test in this package runs on the tfjs cpu backend: the reference backend, exact and available everywhere.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

// IS_TEST silences tfjs's "install our node backend" banner; it changes no numerics.
tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
