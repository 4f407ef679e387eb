// Every test in this package runs on the tfjs cpu backend: the reference backend, exact and available everywhere.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

await tf.setBackend('cpu');
