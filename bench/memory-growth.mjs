// Memory over a long run: the lesson's model on full MNIST for N epochs (default 10) through lab
// on one backend (default native), printing after every epoch the tensors and bytes tfjs holds,
// V8's heap and external memory and the process's RSS, then whether any of them grew after the
// first epoch. A measurement, not a test: numbers are printed, nothing is asserted.
//
//   node memory-growth.mjs [backend] [epochs]       # e.g. node memory-growth.mjs native 10
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@lab/data/node';
import { Dense, Flatten, Sequential } from '@lab/models';
import { adam } from '@lab/optim';
import { scalePixels, toCategorical } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

const [backend = 'native', epochsArg = '10'] = process.argv.slice(2);
const epochs = Number(epochsArg);
const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../shared/data/mnist');
if (backend === 'native') {
  const { loadNativeBackend } = await import('@lab/backend-native');
  const status = await loadNativeBackend();
  if (!status.ok) throw new Error(`memory-growth: the native backend is unavailable: ${status.reason}`);
}
if (!(await tf.setBackend(backend))) throw new Error(`memory-growth: backend ${backend} failed to initialise`);
const mnist = await loadMnist({ dataDir: process.env.LAB_DATA_DIR ?? (fs.existsSync(shared) ? shared : undefined) });
const x = scalePixels(mnist.train.images, { shape: [mnist.train.count, 28, 28, 1] });
const y = toCategorical(mnist.train.labels, 10);
const model = new Sequential([new Flatten({ inputShape: [28, 28, 1] }), new Dense({ units: 128, activation: 'relu' }), new Dense({ units: 10, activation: 'softmax' })], { seed: 1 });
model.compile({ optimizer: adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const rows = [];
const sample = (epoch, logs) => {
  const m = process.memoryUsage();
  const t = tf.memory();
  rows.push({ epoch, tensors: t.numTensors, tfjs_mb: Number(mb(t.numBytes)), heap_mb: Number(mb(m.heapUsed)), external_mb: Number(mb(m.external + m.arrayBuffers)), rss_mb: Number(mb(m.rss)), loss: logs?.loss });
  const r = rows.at(-1);
  console.log(`epoch ${epoch}: tensors ${r.tensors}, tfjs ${r.tfjs_mb} MB, V8 heap ${r.heap_mb} MB, external ${r.external_mb} MB, RSS ${r.rss_mb} MB${logs ? `, loss ${logs.loss.toFixed(4)}, ${logs.seconds.toFixed(1)} s` : ''}`);
};
sample(0);
await model.fit(x, y, { epochs, batchSize: 64, seed: 1, callbacks: [{ onEpochEnd: (epoch, logs) => sample(epoch + 1, logs) }] });
const first = rows[1];
const last = rows.at(-1);
console.log(
  `after epoch 1 → after epoch ${epochs}: tensors ${first.tensors} → ${last.tensors}, tfjs ${first.tfjs_mb} → ${last.tfjs_mb} MB, RSS ${first.rss_mb} → ${last.rss_mb} MB (peak ${mb(process.resourceUsage().maxRSS * 1024)} MB)`,
);
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, `results/memory-growth-${backend}.json`), `${JSON.stringify(rows, null, 2)}\n`);
