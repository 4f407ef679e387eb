import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  cast,
  formatCsv,
  gaussianFilter,
  KNNImputer,
  MinMaxScaler,
  meanFilter,
  medianFilter,
  OneHotEncoder,
  parseCsv,
  parseTxt,
  SimpleImputer,
  StandardScaler,
  scalePixels,
  toCategorical,
} from './index.js';
import { convertTableFile, readTableFile, writeTableFile } from './node/index.js';

/** Runs `fn`, which must throw `message`, and checks that the live tensor count is unchanged. */
function expectThrowsWithoutLeak(fn: () => unknown, message: string): void {
  const before = tf.memory().numTensors;
  expect(fn).toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

describe('filters, cast and pixels', () => {
  const image = tf.zeros([4, 4]);

  it('reject unknown options with the closest as a hint', () => {
    expectThrowsWithoutLeak(() => meanFilter(image, { window: 3 } as never), "meanFilter: unknown option 'window'; the options are mode, cval, size");
    expectThrowsWithoutLeak(() => medianFilter(image, { sizes: 3 } as never), "medianFilter: unknown option 'sizes' (did you mean 'size'?)");
    expectThrowsWithoutLeak(() => gaussianFilter(image, { sigmas: 2 } as never), "gaussianFilter: unknown option 'sigmas' (did you mean 'sigma'?)");
    expectThrowsWithoutLeak(() => gaussianFilter(image, { truncat: 2 } as never), "(did you mean 'truncate'?)");
    expectThrowsWithoutLeak(() => meanFilter(image, { modes: 'wrap' } as never), "(did you mean 'mode'?)");
    expectThrowsWithoutLeak(() => cast(image, 'int32', { round: 'floor' } as never), "cast: unknown option 'round'");
    expectThrowsWithoutLeak(() => cast([1.5], 'int32', { overlow: 'clip' } as never), "cast: unknown option 'overlow' (did you mean 'overflow'?)");
    expectThrowsWithoutLeak(() => scalePixels(image, { divisor: 255 } as never), "scalePixels: unknown option 'divisor'; the options are scale, shape");
    expectThrowsWithoutLeak(() => scalePixels(image, { Shape: [16] } as never), "(did you mean 'shape'?)");
  });

  it('check values, naming the option and what it allows', () => {
    expectThrowsWithoutLeak(() => meanFilter(image, { cval: '0' } as never), 'meanFilter: cval must be a number; got "0"');
    expectThrowsWithoutLeak(() => cast([1.5], 'int32', { overflow: 'wrap' } as never), "cast: overflow must be one of 'error', 'clip'; got \"wrap\"");
    expectThrowsWithoutLeak(() => cast([Number.NaN], 'int32', { nan: 'zero' } as never), "cast: nan must be one of 'error' or a number; got \"zero\"");
    expectThrowsWithoutLeak(() => scalePixels(image, { shape: 16 } as never), 'scalePixels: shape must be an array; got 16');
    // Values that were fine stay fine: a NaN boundary value, a replacement for NaN.
    tf.dispose(medianFilter(image, { mode: 'constant', cval: Number.NaN }));
    expect(Array.from(cast([Number.NaN], 'int32', { nan: -1 }))).toEqual([-1]);
  });

  it('toCategorical takes its class count as a number or as { numClasses }, as Keras callers name it', () => {
    const byName = toCategorical([0, 2], { numClasses: 4 });
    expect(byName.shape).toEqual([2, 4]);
    byName.dispose();
    expectThrowsWithoutLeak(() => toCategorical([0, 2], { num_classes: 4 } as never), "toCategorical: unknown option 'num_classes' (did you mean 'numClasses'?)");
    expectThrowsWithoutLeak(() => toCategorical([0, 2], { numClasses: 0 }), 'toCategorical: numClasses must be an integer >= 1, got 0');
  });
});

describe('transformers', () => {
  it('reject unknown options at construction, with a hint', () => {
    expect(() => new SimpleImputer({ strategey: 'median' } as never)).toThrow("SimpleImputer: unknown option 'strategey' (did you mean 'strategy'?)");
    expect(() => new SimpleImputer({ fill_value: 1 } as never)).toThrow("SimpleImputer: unknown option 'fill_value' (did you mean 'fillValue'?)");
    expect(() => new KNNImputer({ n_neighbors: 2 } as never)).toThrow("KNNImputer: unknown option 'n_neighbors' (did you mean 'nNeighbors'?)");
    expect(() => new KNNImputer({ k: 2 } as never)).toThrow("KNNImputer: unknown option 'k'; the options are nNeighbors, weights, missingValues, keepEmptyFeatures");
    expect(() => new StandardScaler({ with_mean: false } as never)).toThrow("StandardScaler: unknown option 'with_mean' (did you mean 'withMean'?)");
    expect(() => new MinMaxScaler({ feature_range: [0, 2] } as never)).toThrow("MinMaxScaler: unknown option 'feature_range' (did you mean 'featureRange'?)");
    expect(() => new OneHotEncoder({ handle_unknown: 'ignore' } as never)).toThrow("OneHotEncoder: unknown option 'handle_unknown' (did you mean 'handleUnknown'?)");
    expect(() => new OneHotEncoder({ sparse: false } as never)).toThrow("OneHotEncoder: unknown option 'sparse'; the options are handleUnknown, drop");
  });

  it('check values that were accepted and then misread', () => {
    // withStd: 'false' is truthy: the scaler divided anyway.
    expect(() => new StandardScaler({ withStd: 'false' } as never)).toThrow('StandardScaler: withStd must be true or false; got "false"');
    expect(() => new MinMaxScaler({ clip: 1 } as never)).toThrow('MinMaxScaler: clip must be true or false; got 1');
    expect(() => new SimpleImputer({ keepEmptyFeatures: 'yes' } as never)).toThrow('SimpleImputer: keepEmptyFeatures must be true or false');
    expect(() => new SimpleImputer({ fillValue: '0' } as never)).toThrow('SimpleImputer: fillValue must be a number; got "0"');
    expect(() => new KNNImputer({ weights: 'inverse' } as never)).toThrow("KNNImputer: weights must be one of 'uniform', 'distance'; got \"inverse\"");
    expect(() => new OneHotEncoder({ drop: 'last' } as never)).toThrow("OneHotEncoder: drop must be one of 'first', 'ifBinary', null; got \"last\"");
    expect(() => new KNNImputer(null as never)).toThrow('KNNImputer: options must be an object; got null');
    // Saved transformers still load: their JSON holds exactly the options.
    const restored = SimpleImputer.fromJSON(JSON.parse(JSON.stringify(new SimpleImputer({ strategy: 'median' }).fit([[1], [3]]))));
    expect(restored.transform([[Number.NaN]])).toEqual([[2]]);
    const knn = KNNImputer.fromJSON(JSON.parse(JSON.stringify(new KNNImputer({ nNeighbors: 1 }).fit([[1, 2], [3, 4]]))));
    expect(knn.transform([[1, Number.NaN]])).toEqual([[1, 2]]);
  });
});

describe('table readers and writers', () => {
  it('reject unknown options, with a hint', () => {
    expect(() => parseCsv('a\n1\n', { delimeter: ';' } as never)).toThrow("parseCsv: unknown option 'delimeter' (did you mean 'delimiter'?)");
    expect(() => parseCsv('a\n1\n', { string_columns: ['a'] } as never)).toThrow("(did you mean 'stringColumns'?)");
    expect(() => parseCsv('a\n1\n', { header: 'yes' } as never)).toThrow('parseCsv: header must be true or false; got "yes"');
    expect(() => parseCsv('a\n1\n', { delimiter: '' })).toThrow('parseCsv: delimiter must be a non-empty string; got ""');
    expect(() => formatCsv({ names: ['a'], columns: [Float64Array.of(1)] }, { sep: ';' } as never)).toThrow("formatCsv: unknown option 'sep'");
    expect(() => parseTxt('1 2\n', { comment: '%' } as never)).toThrow("parseTxt: unknown option 'comment' (did you mean 'comments'?)");
    expect(() => parseTxt('1 2\n', { names: 'a b' } as never)).toThrow('parseTxt: names must be an array of string; got "a b"');
  });

  it('check the options of the file functions, and still pass their own options through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-options-'));
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, 'a;s\n1;x\n');
    await expect(readTableFile(csv, { formt: 'csv' } as never)).rejects.toThrow("readTableFile: unknown option 'formt' (did you mean 'format'?)");
    await expect(readTableFile(csv, { format: 'xlsx' } as never)).rejects.toThrow("readTableFile: format must be one of 'csv', 'txt', 'json'; got \"xlsx\"");
    await expect(writeTableFile(join(dir, 'out.csv'), { names: [], columns: [] }, { outputFormat: 'csv' } as never)).rejects.toThrow(
      "writeTableFile: unknown option 'outputFormat'",
    );
    await expect(convertTableFile(csv, join(dir, 'out.json'), { output_format: 'json' } as never)).rejects.toThrow(
      "convertTableFile: unknown option 'output_format' (did you mean 'outputFormat'?)",
    );
    const table = await readTableFile(csv, { delimiter: ';', stringColumns: ['s'], format: 'csv' });
    expect(table.names).toEqual(['a', 's']);
    expect(await convertTableFile(csv, join(dir, 'out.json'), { delimiter: ';', stringColumns: ['s'], outputFormat: 'json' })).toBe(1);
    expect((await readTableFile(join(dir, 'out.json'))).columns[1]).toEqual(['x']);
  });
});
