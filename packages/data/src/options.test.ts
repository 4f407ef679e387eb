import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { crossValidate, kFold, parseIdx, readIdxImages, readIdxLabels, readMnistSplit, stratifiedKFold, trainTestSplit } from './index.js';
import { loadMnist, resolveMnistFiles } from './node/index.js';

describe('split options', () => {
  it("reject scikit-learn's spellings, naming lab's", () => {
    expect(() => kFold(10, { n_splits: 3 } as never)).toThrow(
      "kFold: unknown option 'n_splits' (did you mean 'k'?); the options are k, shuffle, seed",
    );
    expect(() => kFold(10, { nSplits: 3 } as never)).toThrow("kFold: unknown option 'nSplits' (did you mean 'k'?)");
    expect(() => stratifiedKFold([0, 1, 0, 1], { random_state: 1 } as never)).toThrow(
      "stratifiedKFold: unknown option 'random_state' (did you mean 'seed'?)",
    );
    expect(() => trainTestSplit(10, { test_size: 0.2 } as never)).toThrow(
      "trainTestSplit: unknown option 'test_size' (did you mean 'testSize'?); the options are testSize, trainSize, shuffle, seed, stratify",
    );
    expect(() => trainTestSplit(10, { randomState: 3 } as never)).toThrow("(did you mean 'seed'?)");
  });

  it('reject misspellings, with the closest option as a hint', () => {
    expect(() => kFold(10, { suffle: true } as never)).toThrow("kFold: unknown option 'suffle' (did you mean 'shuffle'?)");
    expect(() => kFold(10, { folds: 3 } as never)).toThrow("kFold: unknown option 'folds'; the options are k, shuffle, seed");
    expect(() => stratifiedKFold([0, 1, 0, 1], { K: 2 } as never)).toThrow("stratifiedKFold: unknown option 'K' (did you mean 'k'?)");
    expect(() => trainTestSplit(10, { stratified: [0, 1] } as never)).toThrow("trainTestSplit: unknown option 'stratified' (did you mean 'stratify'?)");
  });

  it('check values, naming the option and what it allows', () => {
    expect(() => kFold(10, { shuffle: 'yes' } as never)).toThrow('kFold: shuffle must be true or false; got "yes"');
    expect(() => kFold(10, { shuffle: true, seed: Number.NaN })).toThrow('kFold: seed must be a finite number; got NaN');
    expect(() => stratifiedKFold([0, 1, 0, 1], { seed: '1' } as never)).toThrow('stratifiedKFold: seed must be a finite number; got "1"');
    expect(() => trainTestSplit(10, { stratify: 3 } as never)).toThrow('trainTestSplit: stratify must be an array of class labels; got 3');
    expect(() => trainTestSplit(10, { shuffle: 0 } as never)).toThrow('trainTestSplit: shuffle must be true or false; got 0');
    expect(() => kFold(10, [3] as never)).toThrow('kFold: options must be an object; got [3]');
    // Hand-written checks keep their messages.
    expect(() => kFold(10, { k: 1 })).toThrow('kFold: k must be an integer >= 2; got 1');
  });
});

describe('crossValidate options', () => {
  const model = () => ({ fit: async () => undefined, predict: (x: tf.Tensor) => tf.clone(x), dispose: () => undefined });

  it('reject unknown options and bad values without leaking', async () => {
    const x = tf.zeros([6, 2]);
    const before = tf.memory().numTensors;
    const metrics = { mean: () => 0 };
    await expect(crossValidate(model, { x, y: x }, { metrics, n_splits: 3 } as never)).rejects.toThrow(
      "crossValidate: unknown option 'n_splits' (did you mean 'folds'?)",
    );
    await expect(crossValidate(model, { x, y: x }, { metrics, cv: 3 } as never)).rejects.toThrow("(did you mean 'folds'?)");
    await expect(crossValidate(model, { x, y: x }, { metrics, fit_options: {} } as never)).rejects.toThrow(
      "crossValidate: unknown option 'fit_options' (did you mean 'fitOptions'?)",
    );
    await expect(crossValidate(model, { x, y: x }, { metrics, folds: 2.5 })).rejects.toThrow(
      'crossValidate: folds must be an integer or an array of object; got 2.5',
    );
    await expect(crossValidate(model, { x, y: x }, { metrics, onFold: 'log' } as never)).rejects.toThrow('crossValidate: onFold must be a function');
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('refuse shuffle or seed with folds made beforehand, which they could not change', async () => {
    const x = tf.zeros([6, 2]);
    const folds = kFold(6, { k: 3 });
    await expect(crossValidate(model, { x, y: x }, { metrics: { zero: () => 0 }, folds, shuffle: true })).rejects.toThrow(
      'crossValidate: shuffle and seed apply to a number of folds; these folds were made beforehand',
    );
    const result = await crossValidate(model, { x, y: x }, { metrics: { zero: () => 0 }, folds: 3, shuffle: true, seed: 1 });
    expect(result.folds.length).toBe(3);
    x.dispose();
  });
});

describe('reader options', () => {
  it('reject unknown options of the IDX and MNIST readers', async () => {
    const bytes = new Uint8Array(0);
    expect(() => parseIdx(bytes, { file: 'x' } as never)).toThrow("parseIdx: unknown option 'file'; the options are name");
    expect(() => readIdxImages(bytes, { nme: 'x' } as never)).toThrow("readIdxImages: unknown option 'nme' (did you mean 'name'?)");
    expect(() => readIdxLabels(bytes, { name: 3 } as never)).toThrow('readIdxLabels: name must be a string; got 3');
    expect(() => readMnistSplit(bytes, bytes, { imageName: 'a' } as never)).toThrow(
      "readMnistSplit: unknown option 'imageName' (did you mean 'imagesName'?)",
    );
    await expect(loadMnist({ data_dir: '/nowhere' } as never)).rejects.toThrow("loadMnist: unknown option 'data_dir' (did you mean 'dataDir'?)");
    await expect(loadMnist({ timeoutMs: 0 })).rejects.toThrow('loadMnist: timeoutMs must be a finite number with 0 < timeoutMs; got 0');
    await expect(resolveMnistFiles({ mirror: ['x'] } as never)).rejects.toThrow("resolveMnistFiles: unknown option 'mirror' (did you mean 'mirrors'?)");
    await expect(resolveMnistFiles({ download: 'no' } as never)).rejects.toThrow('resolveMnistFiles: download must be true or false; got "no"');
  });
});
