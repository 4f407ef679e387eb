import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchNormalization, Conv2D, Dense, Flatten, GlobalAveragePooling2D, mnistCnn, mnistMlp, Sequential } from '@lab/models';
import { TablePreprocessing } from '@lab/preprocess';
import { describe, expect, it } from 'vitest';
import { checkOnnxModel } from './check-onnx.js';
import { DataType, encodeModel } from './onnx-proto.js';
import { toOnnx } from './to-onnx.js';

// ONNX's own checker (the `onnx` Python package, Debian's python3-onnx 1.12), with full_check
// (strict shape inference), on a file of each kind lab exports. CI installs python3-onnx and sets
// LAB_REQUIRE_ONNX_CHECKER=1, so the test runs there; elsewhere it runs when the package is there.
const PYTHON = '/usr/bin/python3';
const hasChecker = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const required = process.env.LAB_REQUIRE_ONNX_CHECKER === '1';

async function files(): Promise<Record<string, Uint8Array>> {
  const mlp = mnistMlp({ seed: 1 });
  mlp.build([28, 28, 1]);
  const cnn = mnistCnn({ seed: 1 });
  cnn.build([28, 28, 1]);
  const other = new Sequential([new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', strides: 2, activation: 'gelu' }), new BatchNormalization(), new GlobalAveragePooling2D(), new Dense({ units: 3, activation: 'softmax' })], { seed: 2 });
  other.build([9, 7, 2]);
  const features = { names: ['n', 'c', 'b', 'd'], columns: [Float64Array.of(1, Number.NaN, 3), ['x', null, 'y'], ['yes', 'no', null], ['2020-01-01', '2021-06-30', null]] };
  const pre = TablePreprocessing.fit(features, 'y', ['a', 'b', 'a'], 'classification', { scale: 'minmax' });
  const table = new Sequential([new Flatten(), new Dense({ units: 2, activation: 'softmax' })], { seed: 3 });
  table.build([pre.featureNames.length]);
  const labels = Array.from({ length: 10 }, (_, i) => String(i));
  const out = {
    'mlp.onnx': (await toOnnx(mlp, { preprocessing: { scale: 255 }, labels })).bytes,
    'cnn-median.onnx': (await toOnnx(cnn, { preprocessing: { scale: 255, denoise: { filter: 'median', value: 3 } }, labels })).bytes,
    'cnn-gaussian.onnx': (await toOnnx(cnn, { preprocessing: { scale: 255, denoise: { filter: 'gaussian', value: 1 } } })).bytes,
    'conv-bn-gap.onnx': (await toOnnx(other)).bytes,
    'table.onnx': (await toOnnx(table, { preprocessing: pre })).bytes,
  };
  for (const m of [mlp, cnn, other, table]) m.dispose();
  return out;
}

describe('exported files pass ONNX checks', () => {
  it("lab's structural check passes on every kind of export", async () => {
    for (const [name, bytes] of Object.entries(await files())) {
      const check = checkOnnxModel(bytes);
      expect(check.opset[0], name).toEqual({ domain: '', version: 13 });
      expect(check.nodes, name).toBeGreaterThan(0);
    }
  });

  it.skipIf(!hasChecker && !required)("ONNX's checker (onnx.checker.check_model, full_check) passes on every kind of export", async () => {
    expect(hasChecker, `${PYTHON} cannot import onnx (apt-get install python3-onnx)`).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-onnx-'));
    try {
      const paths = await Promise.all(
        Object.entries(await files()).map(async ([name, bytes]) => {
          const file = path.join(dir, name);
          await fs.promises.writeFile(file, bytes);
          return file;
        }),
      );
      const script = 'import sys, onnx\nfor f in sys.argv[1:]:\n    onnx.checker.check_model(onnx.load(f), full_check=True)\n    print("ok", f)';
      const output = execFileSync(PYTHON, ['-c', script, ...paths], { encoding: 'utf8' });
      expect(output.trim().split('\n')).toHaveLength(paths.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that is not ONNX, or a graph that reads an undefined value, fails the structural check', () => {
    expect(() => checkOnnxModel(new Uint8Array([0xff, 0xff, 0xff]))).toThrow();
    const value = (name: string) => ({ name, type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [{ dimParam: 'N' }] } } } });
    const graph = { name: 'g', node: [{ name: 'n', opType: 'Relu', domain: '', input: ['y'], output: ['z'], attribute: [] }], initializer: [], input: [value('x')], output: [value('z')] };
    const bytes = encodeModel({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], producerName: 't', producerVersion: '', graph, metadataProps: [] });
    expect(() => checkOnnxModel(bytes)).toThrow("node 0 'n' (Relu) reads 'y' before anything defines it");
    const ml = { ...graph, node: [{ ...graph.node[0]!, input: ['x'], domain: 'ai.onnx.ml' }] };
    expect(() => checkOnnxModel(encodeModel({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], producerName: 't', producerVersion: '', graph: ml, metadataProps: [] }))).toThrow(/domain 'ai.onnx.ml', which the model does not import/);
  });
});
