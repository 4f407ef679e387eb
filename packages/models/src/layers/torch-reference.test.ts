// PyTorch as the reference: scripts/torch-layers.py (torch from Debian's python3-torch, float64 on
// float32-rounded inputs) wrote src/fixtures/torch-layers.json: for each layer and option set, the
// output and the gradients of sum(output · r) with respect to the input and every weight. Checked
// here on tfjs's cpu backend and on wasm with @lab/backend-wasm's kernels.
import '@lab/backend-wasm';
import '@lab/core/register-gradients';
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, it } from 'vitest';
import { type ActivationName, activate } from '../activations.js';
import fixture from '../fixtures/torch-layers.json' with { type: 'json' };
import { BatchNormalization } from './batch-normalization.js';
import { Conv2D } from './conv2d.js';
import type { Layer } from './layer.js';
import { AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D } from './pooling-2d.js';

interface Values {
  shape: number[];
  values: number[];
}
interface Case {
  layer: string;
  options: Record<string, unknown>;
  training: boolean;
  x: Values;
  weights: Record<string, Values>;
  r: number[];
  y: Values;
  dx: number[];
  dw: Record<string, number[]>;
  moving?: { mean: number[]; variance: number[] };
  movingAfter?: { mean: number[]; variance: number[] };
}

const cases = fixture.cases as Case[];
const tolerance = { abs: 2e-5, rel: 2e-4 };

function makeLayer(c: Case): Layer | undefined {
  switch (c.layer) {
    case 'Conv2D':
      return new Conv2D(c.options as never);
    case 'MaxPooling2D':
      return new MaxPooling2D(c.options as never);
    case 'AveragePooling2D':
      return new AveragePooling2D(c.options as never);
    case 'GlobalAveragePooling2D':
      return new GlobalAveragePooling2D();
    case 'BatchNormalization':
      return new BatchNormalization(c.options as never);
    default:
      return undefined;
  }
}

function title(c: Case): string {
  return `${c.layer} ${JSON.stringify(c.options)} on [${c.x.shape.join(', ')}]${c.training ? ' (training)' : ''}`;
}

/** Runs one fixture case: output, input gradient, weight gradients (and moving statistics). */
function check(c: Case): void {
  const x = tf.tidy(() => tf.variable(tf.tensor(c.x.values, c.x.shape), true, `x_${Math.random()}`));
  const r = tf.tensor(c.r, c.y.shape);
  const layer = makeLayer(c);
  try {
    let trainable: tf.Variable[] = [];
    let run: () => tf.Tensor;
    if (layer) {
      layer.build(c.x.shape.slice(1), 1);
      layer.allWeights.forEach((w, i) => {
        const name = layer.weightNames[i]!;
        const given = c.weights[name] ?? (name === 'moving_mean' ? { values: c.moving!.mean } : name === 'moving_variance' ? { values: c.moving!.variance } : undefined);
        if (given) tf.tidy(() => w.assign(tf.tensor(given.values, w.shape)));
      });
      trainable = layer.weights;
      run = () => layer.apply(x, c.training);
    } else {
      run = () => activate(c.options.activation as ActivationName, x);
    }
    let y: tf.Tensor | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const out = run();
      y = tf.keep(tf.clone(out));
      return tf.sum(tf.mul(out, r)) as tf.Scalar;
    }, [x, ...trainable]);
    expectAllClose(y!.dataSync(), c.y.values, { ...tolerance, message: 'output' });
    expectAllClose(grads[x.name]!.dataSync(), c.dx, { ...tolerance, message: 'input gradient' });
    if (layer) {
      for (const [i, w] of trainable.entries()) {
        expectAllClose(grads[w.name]!.dataSync(), c.dw[layer.weightNames[i]!]!, { ...tolerance, message: `${layer.weightNames[i]} gradient` });
      }
      if (c.movingAfter) {
        const at = (name: string) => layer.allWeights[layer.weightNames.indexOf(name)]!.dataSync();
        expectAllClose(at('moving_mean'), c.movingAfter.mean, { ...tolerance, message: 'moving_mean' });
        expectAllClose(at('moving_variance'), c.movingAfter.variance, { ...tolerance, message: 'moving_variance' });
      }
    }
    tf.dispose([value, y!, ...Object.values(grads)]);
  } finally {
    layer?.dispose();
    x.dispose();
    r.dispose();
  }
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['cpu', 'wasm'])('layers against PyTorch on %s', (backend) => {
  for (const c of cases) {
    it(title(c), async () => {
      await tf.setBackend(backend);
      await expectNoLeak(() => check(c));
    });
  }
});
