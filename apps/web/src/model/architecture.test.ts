import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { architectureShapes, buildArchitecture, defaultLayer, formatArchitecture, LAYER_KINDS, type LayerKind, parseArchitecture, PRESETS } from './architecture.js';

describe('architectures', () => {
  it("gives the lesson's MLP and the Keras convnet Keras' shapes and parameter counts", () => {
    // Keras' model.summary() for the lesson's model (101,770 params) and for
    // keras.io/examples/vision/mnist_convnet (34,826 params; the shapes below are its summary's).
    const mlp = architectureShapes(parseArchitecture(PRESETS.mlp));
    expect(mlp.map((r) => r.outputShape)).toEqual([[784], [128], [10]]);
    expect(mlp.reduce((n, r) => n + r.params, 0)).toBe(101_770);
    const cnn = architectureShapes(parseArchitecture(PRESETS.cnn));
    expect(cnn.map((r) => r.outputShape)).toEqual([[26, 26, 32], [13, 13, 32], [11, 11, 64], [5, 5, 64], [1600], [1600], [10]]);
    expect(cnn.map((r) => r.params)).toEqual([320, 0, 18_496, 0, 0, 0, 16_010]);
  });

  it('builds the model the rows describe, seeded, with nothing left behind when disposed', () => {
    for (const text of [PRESETS.mlp, PRESETS.cnn, 'conv:8:3:relu:same:2,batchnorm,avgpool:2,gap,dense:16:tanh,dropout:0.1']) {
      expectNoLeak(() => {
        const rows = architectureShapes(parseArchitecture(text));
        const model = buildArchitecture(parseArchitecture(text), 42);
        const again = buildArchitecture(parseArchitecture(text), 42);
        try {
          // A batch norm's moving statistics count too, as in Keras' total.
          expect(model.layers.reduce((n, l) => n + l.allWeights.reduce((m, w) => m + w.size, 0), 0)).toBe(rows.reduce((n, r) => n + r.params, 0));
          const out = tf.tidy(() => model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor);
          expect(out.shape).toEqual([2, 10]);
          out.dispose();
          // Same seed, same weights.
          expect(model.trainableWeights.map((w) => Array.from(w.dataSync()))).toEqual(again.trainableWeights.map((w) => Array.from(w.dataSync())));
        } finally {
          model.dispose();
          again.dispose();
        }
      });
    }
  });

  it('reads back what it writes, for every kind with its defaults', () => {
    const layers = (Object.keys(LAYER_KINDS) as LayerKind[]).map(defaultLayer);
    expect(parseArchitecture(formatArchitecture(layers))).toEqual(layers);
    expect(formatArchitecture(parseArchitecture(PRESETS.cnn))).toBe(PRESETS.cnn);
    expect(parseArchitecture(' conv : 4 : 5 , flatten ')).toEqual([{ kind: 'conv', filters: 4, kernel: 5, activation: 'relu', padding: 'valid', strides: 1 }, { kind: 'flatten' }]);
  });

  it('names the layer and the field at fault', () => {
    expect(() => parseArchitecture('')).toThrow('architecture: no layers');
    expect(() => parseArchitecture('flatten,dense:abc')).toThrow("layer 2 (dense): units must be an integer from 1 to 4096, got 'abc'");
    expect(() => parseArchitecture('flatten,dense:8:wiggly')).toThrow("layer 2 (dense): activation must be one of linear, relu");
    expect(() => parseArchitecture('conv:8:3:relu:full')).toThrow("layer 1 (conv): padding must be valid or same, got 'full'");
    expect(() => parseArchitecture('dropout:1')).toThrow("layer 1 (dropout): rate must be a number in [0, 1), got '1'");
    expect(() => parseArchitecture('flatten:3')).toThrow('layer 1 (flatten): takes at most 0 parameters, got 1 (flatten:3)');
    expect(() => parseArchitecture('flatten,,dense:3')).toThrow('layer 2 (empty): unknown layer');
    expect(() => parseArchitecture('lstm:32')).toThrow("layer 1 (lstm): unknown layer 'lstm'; the layers are conv, maxpool");
    expect(() => architectureShapes(parseArchitecture('flatten,conv:8:3'))).toThrow('layer 2 (Conv2D 8 × 3×3, relu): needs an image (height × width × channels), but gets 784; put it before flatten');
    expect(() => architectureShapes(parseArchitecture('maxpool:2,maxpool:2,maxpool:2,conv:8:5'))).toThrow('layer 4 (Conv2D 8 × 5×5, relu): a 5×5 window does not fit its 3 × 3 input');
    expect(() => architectureShapes(parseArchitecture('conv:8:3'))).toThrow('the output layer (Dense 10, softmax) needs a flat input, but the last layer gives 26 × 26 × 8: end with flatten or gap');
    expect(() => buildArchitecture(parseArchitecture('conv:8:3'), 1)).toThrow('needs a flat input');
  });
});
