// Fuzzes loadModel(fileSystem(dir)) with damaged copies of a valid saved model folder: model.json
// replaced by garbage, random JSON or 100,000-deep nesting; one to three of its fields (topology,
// layers, shapes, units, activations, manifest paths, weight names, shapes, dtypes) set to hostile
// values (null, negative, fractional, huge, 10,000-character strings, nested arrays, objects);
// weights.bin cut short, extended or replaced. Every load must resolve to a model that predicts,
// or reject with an Error that names the file (or the layer) in a bounded message; never
// another exception type, never a hang or a giant allocation (each load is timed), and never a
// leaked tensor (tf.memory().numTensors is the same before and after every case).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../io/load.js';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../sequential.js';
import { fileSystem } from './file-system.js';

const SEED = 20_261_203;
const RUNS = 500;
const LOAD_MS = 3_000;
const MAX_MESSAGE = 1_000;
/** Stands for a value too deep to build as an object: replaced in the JSON text by 100,000 nested brackets. */
const DEEP = '\u0000deep\u0000';
const DEEP_TEXT = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-model-fuzz-'));
const base = path.join(root, 'base');
let json: Record<string, unknown>;
let weights: Uint8Array;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  const model = new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 5, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })], { seed: 1 });
  model.build();
  await model.save(fileSystem(base), { labels: ['a', 'b', 'c'] });
  model.dispose();
  json = JSON.parse(fs.readFileSync(path.join(base, 'model.json'), 'utf8'));
  weights = new Uint8Array(fs.readFileSync(path.join(base, 'weights.bin')));
});

const tally = { loaded: 0, refused: 0 };
afterAll(() => console.log(`model folder fuzz (seed ${SEED}): ${tally.loaded} loaded / ${tally.refused} refused`));

let n = 0;
/** A fresh folder holding `modelJson` (text or bytes) and `bin`. */
function folder(modelJson: string | Uint8Array, bin: Uint8Array | undefined): string {
  const dir = path.join(root, `m${++n}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'model.json'), modelJson);
  if (bin) fs.writeFileSync(path.join(dir, 'weights.bin'), bin);
  return dir;
}

/**
 * Loads `dir`: a model must predict on a zero input of its input shape; an error must be an Error
 * naming the folder, one of its files or a layer, in a bounded message. No tensor may be left over.
 */
async function check(dir: string): Promise<{ ok: true } | { ok: false; error: Error }> {
  const before = tf.memory().numTensors;
  const started = performance.now();
  let out: { ok: true } | { ok: false; error: Error };
  try {
    const model = await loadModel(fileSystem(dir));
    try {
      const shape = model.inputShape!;
      const y = tf.tidy(() => model.predict(tf.zeros([2, ...shape])));
      expect(y.shape[0]).toBe(2);
      y.dispose();
    } finally {
      model.dispose();
    }
    out = { ok: true };
    tally.loaded++;
  } catch (error) {
    expect(error, `threw a non-Error: ${String(error)}`).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message.length, message.slice(0, 300)).toBeLessThan(MAX_MESSAGE);
    expect(message.includes(dir) || /\blayer '/.test(message), `names neither the file nor a layer: ${message.slice(0, 300)}`).toBe(true);
    out = { ok: false, error: error as Error };
    tally.refused++;
  }
  expect(performance.now() - started, 'load time').toBeLessThan(LOAD_MS);
  expect(tf.memory().numTensors, 'tensors leaked').toBe(before);
  return out;
}

// ---- Mutations ----

/** Paths into model.json worth breaking; `*` is filled with an index. */
const PATHS = [
  [],
  ['format'],
  ['modelTopology'],
  ['modelTopology', 'class_name'],
  ['modelTopology', 'config'],
  ['modelTopology', 'config', 'name'],
  ['modelTopology', 'config', 'layers'],
  ['modelTopology', 'config', 'layers', '*'],
  ['modelTopology', 'config', 'layers', '*', 'class_name'],
  ['modelTopology', 'config', 'layers', '*', 'config'],
  ['modelTopology', 'config', 'layers', '*', 'config', 'name'],
  ['modelTopology', 'config', 'layers', '*', 'config', 'units'],
  ['modelTopology', 'config', 'layers', '*', 'config', 'activation'],
  ['modelTopology', 'config', 'layers', '*', 'config', 'use_bias'],
  ['modelTopology', 'config', 'layers', '0', 'config', 'batch_input_shape'],
  ['modelTopology', 'config', 'layers', '0', 'config', 'batch_input_shape', '*'],
  ['weightsManifest'],
  ['weightsManifest', '0'],
  ['weightsManifest', '0', 'paths'],
  ['weightsManifest', '0', 'paths', '0'],
  ['weightsManifest', '0', 'weights'],
  ['weightsManifest', '0', 'weights', '*'],
  ['weightsManifest', '0', 'weights', '*', 'name'],
  ['weightsManifest', '0', 'weights', '*', 'shape'],
  ['weightsManifest', '0', 'weights', '*', 'shape', '*'],
  ['weightsManifest', '0', 'weights', '*', 'dtype'],
  ['weightsManifest', '0', 'weights', '*', 'quantization'],
  ['userDefinedMetadata'],
  ['userDefinedMetadata', 'lab', 'labels'],
] as const;

const hostile = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, 0, -1, 1.5, 1e308, 2 ** 31, 2 ** 32 + 3, 2 ** 53, -0, '', 'NaN', '1e999', 'x'.repeat(10_000), true, [], {}, [null], [-1], [0], [1e9, 1e9], [2, -2], ['4'], { '0': 1 }, DEEP),
  fc.constantFrom('Dense', 'Flatten', 'InputLayer', 'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'Dropout', 'BatchNormalization', 'Reshape', 'valid', 'same', 'Sequential', 'Model', 'relu', 'softmax', 'sigmoid', 'float32', 'int32', 'bool', 'string', 'complex64', 'float16'),
  fc.constantFrom('weights.bin', './weights.bin', '../base/weights.bin', '/etc/passwd', 'missing.bin', 'model.json', '.', 'sub/../weights.bin', '\u0000'),
  fc.constantFrom('dense/kernel', 'dense_1/bias', 'flatten', "it's", 'a'.repeat(5_000)),
  fc.integer({ min: -3, max: 70 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const mutation = fc.record({ path: fc.constantFrom(...PATHS), index: fc.nat({ max: 4 }), value: hostile });
type Mutation = { path: readonly string[]; index: number; value: unknown };

/** Sets (or, for undefined, deletes) `path` in `target`, creating nothing: a missing parent skips the edit. */
function apply(target: Record<string, unknown>, m: Mutation): Record<string, unknown> | unknown {
  const keys = m.path.map((k) => (k === '*' ? String(m.index) : k));
  if (keys.length === 0) return m.value;
  let node: unknown = target;
  for (const k of keys.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return target;
    node = (node as Record<string, unknown>)[k];
  }
  if (node === null || typeof node !== 'object') return target;
  const last = keys[keys.length - 1]!;
  if (m.value === undefined) delete (node as Record<string, unknown>)[last];
  else (node as Record<string, unknown>)[last] = m.value;
  return target;
}

const binChange = fc.oneof(
  fc.constant({ kind: 'same' as const }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('random' as const), seed: fc.nat() }),
  fc.constant({ kind: 'missing' as const }),
  fc.constant({ kind: 'empty' as const }),
);
type BinChange = { kind: 'same' | 'missing' | 'empty' } | { kind: 'cut'; at: number } | { kind: 'extend'; extra: Uint8Array } | { kind: 'random'; seed: number };

function changeBin(c: BinChange): Uint8Array | undefined {
  switch (c.kind) {
    case 'same':
      return weights;
    case 'cut':
      return weights.subarray(0, c.at % weights.length);
    case 'extend':
      return Uint8Array.from([...weights, ...c.extra]);
    case 'random':
      return Uint8Array.from(weights, (_, i) => (i * 2_654_435_761 + c.seed) >>> 24);
    case 'missing':
      return undefined;
    case 'empty':
      return new Uint8Array(0);
  }
}

const options = { seed: SEED, numRuns: RUNS };

describe('loadModel(fileSystem(dir)) under fuzzing', () => {
  it('the unmutated copy loads (the baseline the mutations start from)', async () => {
    expect((await check(folder(JSON.stringify(json), weights))).ok).toBe(true);
  });

  it('model.json fields set to hostile values, with weights.bin intact or damaged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), binChange, async (ms, bin) => {
        let doc: unknown = structuredClone(json);
        for (const m of ms) doc = apply(doc as Record<string, unknown>, m);
        const text = (JSON.stringify(doc) ?? 'undefined').replaceAll(JSON.stringify(DEEP), DEEP_TEXT);
        await check(folder(text, changeBin(bin)));
      }),
      options,
    );
  });

  it('model.json replaced by garbage, random JSON, or cut short', async () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
      fc.nat().map((at) => {
        const text = JSON.stringify(json);
        return text.slice(0, at % text.length);
      }),
    );
    await fc.assert(
      fc.asyncProperty(garbage, binChange, async (text, bin) => {
        const out = await check(folder(text, changeBin(bin)));
        expect(out.ok).toBe(false);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('weights.bin cut, extended, emptied, missing or random under an intact model.json', async () => {
    await fc.assert(
      fc.asyncProperty(binChange, async (bin) => {
        const out = await check(folder(JSON.stringify(json), changeBin(bin)));
        // Random bytes of the right length are weights like any other; a wrong length never loads.
        expect(out.ok).toBe(bin.kind === 'same' || bin.kind === 'random');
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('model folder regressions: the nastiest inputs, by hand', () => {
  const edit = (...ms: Mutation[]) => {
    let doc: unknown = structuredClone(json);
    for (const m of ms) doc = apply(doc as Record<string, unknown>, m);
    return (JSON.stringify(doc) ?? '').replaceAll(JSON.stringify(DEEP), DEEP_TEXT);
  };
  const refuse = async (text: string, pattern: RegExp, bin: Uint8Array | undefined = weights) => {
    const out = await check(folder(text, bin));
    expect(out.ok).toBe(false);
    expect((out as { error: Error }).error.message).toMatch(pattern);
  };
  const layers = ['modelTopology', 'config', 'layers'];
  const specs = ['weightsManifest', '0', 'weights'];

  it('100,000-deep nesting as the whole file, as the layer list and as a batch_input_shape', async () => {
    await refuse(DEEP_TEXT, /model\.json: not a valid model\.json \(not a JSON object\)/);
    await refuse(edit({ path: [...layers], index: 0, value: DEEP }), /model\.json/);
    await refuse(edit({ path: [...layers, '0', 'config', 'batch_input_shape'], index: 0, value: DEEP }), /model\.json/);
  });

  it('a Dense layer claiming billions of units is refused before any weight is allocated', async () => {
    await refuse(edit({ path: [...layers, '*', 'config', 'units'], index: 1, value: 2 ** 31 }), /layer 'dense\w*'/);
    await refuse(edit({ path: [...layers, '0', 'config', 'batch_input_shape'], index: 0, value: [null, 1e9, 1e9, 1] }), /model\.json|layer '/);
  });

  it('manifest shapes with negative or fractional dims that still add up to the file size', async () => {
    // dense kernel [16, 5] (80 floats) → [-16, 5] (−80) and the bias [5] → [165]: the total is unchanged.
    await refuse(edit({ path: [...specs, '*', 'shape'], index: 0, value: [-16, 5] }, { path: [...specs, '*', 'shape'], index: 1, value: [165] }), /model\.json: .*shape/);
    await refuse(edit({ path: [...specs, '*', 'shape'], index: 0, value: [40.5, 2] }, { path: [...specs, '*', 'shape'], index: 1, value: [1, 4] }), /model\.json: .*shape/);
  });

  it('a 10,000-character activation or class name is cut in the message', async () => {
    await refuse(edit({ path: [...layers, '*', 'config', 'activation'], index: 1, value: 'a'.repeat(10_000) }), /layer '\w+': unknown activation 'a+… \(10000 characters\)'/);
    await refuse(edit({ path: [...layers, '*', 'class_name'], index: 1, value: 'C'.repeat(10_000) }), /has class 'C+… \(10000 characters\)'/);
  });

  it('a manifest that is not a list, a group without paths, a weight that is a string', async () => {
    await refuse(edit({ path: ['weightsManifest'], index: 0, value: 7 }), /model\.json: .*weightsManifest/);
    await refuse(edit({ path: ['weightsManifest', '0', 'paths'], index: 0, value: undefined }), /model\.json: .*paths/);
    // JSON.stringify of the path used to overflow the stack.
    await refuse(edit({ path: ['weightsManifest', '0', 'paths', '0'], index: 0, value: DEEP }), /model\.json: the weights manifest lists a path that is not a file name: an array/);
    await refuse(edit({ path: ['weightsManifest', '0', 'weights', '*'], index: 0, value: 'dense/kernel' }), /model\.json: .*weight/);
    // Two entries with one name: decodeWeights keeps one tensor per name (the other used to leak).
    const first = ((json.weightsManifest as { weights: { name: string }[] }[])[0]!.weights[0]!).name;
    await refuse(edit({ path: ['weightsManifest', '0', 'weights', '*', 'name'], index: 2, value: first }), /model\.json: the weights manifest names '.*' twice/);
    // quantization: null made tfjs' decodeWeights throw a TypeError.
    await refuse(edit({ path: ['weightsManifest', '0', 'weights', '*', 'quantization'], index: 0, value: null }), /model\.json: weight '.*' is quantized/);
    // A 5,000-character weights path (ENAMETOOLONG): the message is cut.
    await refuse(edit({ path: ['weightsManifest', '0', 'paths', '0'], index: 0, value: 'p'.repeat(5_000) }), /cannot read a weights file of this model \(ENAMETOOLONG\)|p… \(\d+ characters\)/);
    // A long name is only a name: the model loads.
    expect((await check(folder(edit({ path: ['weightsManifest', '0', 'weights', '*', 'name'], index: 0, value: 'a'.repeat(5_000) }), weights))).ok).toBe(true);
  });
});
