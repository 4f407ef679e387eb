import path from 'node:path';
import { checkRegularFile, readRegularFile, recoverDir, replaceDirAtomic, writeFileAtomic } from '@lab/core/node';
import * as tf from '@tensorflow/tfjs-core';
import { clip, describeValue } from '../io/topology.js';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';
/** model.json holds topology and manifest only: 64 MB is far above any real one. */
const MAX_MODEL_JSON_BYTES = 64 * 2 ** 20;

/**
 * A tfjs IO handler for a model directory on Node: `model.json` (topology + weights manifest) and
 * `weights.bin`, the layout `tf.loadLayersModel('file://…/model.json')` and TensorFlow's converter read.
 *
 * Saving is atomic (@lab/core's `replaceDirAtomic`): the files are written and flushed in a sibling
 * temporary directory, which then replaces `dir` by rename. A save interrupted at any point leaves
 * the previous model readable: either `dir` is intact, or (killed between the two renames) the
 * previous model sits in a `DIR.previous-*` sibling, which the next load or save of `dir` moves back.
 *
 * Loading treats the folder as a boundary: every weights path in the manifest must resolve to a
 * regular file inside `dir` (no `..`, no absolute path, no FIFO or device), and the files must hold
 * exactly the bytes the manifest declares, checked before any is read.
 */
export function fileSystem(dir: string): tf.io.IOHandler & { readonly path: string } {
  const target = path.resolve(dir);
  return {
    /** model.json's path, which load errors name. */
    path: path.join(target, MODEL_JSON),
    async save(artifacts) {
      await replaceDirAtomic(target, async (tmp) => {
        const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
        const { weightData: _, weightSpecs, ...rest } = artifacts;
        const json = { ...rest, weightsManifest: [{ paths: [WEIGHTS_BIN], weights: weightSpecs ?? [] }] };
        await writeFileAtomic(path.join(tmp, WEIGHTS_BIN), new Uint8Array(weights));
        await writeFileAtomic(path.join(tmp, MODEL_JSON), JSON.stringify(json));
      }, { mkdir: true });
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      await recoverDir(target);
      const jsonPath = path.join(target, MODEL_JSON);
      const json = await readModelJson(jsonPath);
      const specs: tf.io.WeightsManifestEntry[] = [];
      const files: string[] = [];
      const manifest: unknown = json.weightsManifest ?? [];
      if (!Array.isArray(manifest)) throw new Error(`${jsonPath}: weightsManifest is ${describeValue(manifest)}, not a list of weight groups`);
      for (const [g, group] of (manifest as unknown[]).entries()) {
        const { paths, weights } = (group ?? {}) as { paths?: unknown; weights?: unknown };
        if (!Array.isArray(paths) || !Array.isArray(weights)) throw new Error(`${jsonPath}: weightsManifest group ${g} needs a list of paths and a list of weights`);
        for (const spec of weights as unknown[]) specs.push(checkEntry(spec, specs.length, jsonPath));
        for (const p of paths as unknown[]) files.push(insideFolder(target, jsonPath, p));
      }
      const expected = specs.reduce((n, s) => n + tf.util.sizeFromShape(s.shape) * bytesPerElement(s, jsonPath), 0);
      let total = 0;
      for (const file of files) {
        total += await checkRegularFile(file, { what: 'a weights file of this model' }).catch((error: Error) => {
          // @lab/core names the whole path, which a forged manifest can make kilobytes long (ENAMETOOLONG).
          if (!error.message.endsWith('does not exist')) throw error.message.length <= 500 ? error : new Error(clip(error.message, 500), { cause: error });
          throw new Error(`${jsonPath}: lists the weights file '${clip(path.relative(target, file))}', which is missing (${clip(file, 300)})`);
        });
      }
      if (total !== expected) throw new Error(`${target}: the weight files hold ${total} bytes, but model.json's manifest needs ${expected}`);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const file of files) {
        const bytes = await readRegularFile(file, { what: 'a weights file of this model' });
        weightData.set(bytes.subarray(0, total - offset), offset);
        offset += bytes.byteLength;
      }
      if (offset !== total) throw new Error(`${target}: the weight files changed while they were read`);
      const { weightsManifest: _, ...rest } = json;
      return { ...rest, weightSpecs: specs, weightData: weightData.buffer } as tf.io.ModelArtifacts;
    },
  };
}

async function readModelJson(jsonPath: string): Promise<tf.io.ModelJSON> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegularFile(jsonPath, { what: 'the model file', maxBytes: MAX_MODEL_JSON_BYTES }));
  } catch (error) {
    const message = (error as Error).message;
    if (message.endsWith('does not exist')) throw new Error(`${jsonPath}: not found; a saved model directory holds model.json and weights.bin`);
    throw error;
  }
  try {
    const json = JSON.parse(text) as tf.io.ModelJSON;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not a JSON object');
    return json;
  } catch (error) {
    throw new Error(`${jsonPath}: not a valid model.json (${(error as Error).message.slice(0, 200)})`);
  }
}

/** A manifest path resolved inside the model folder; anything leaving it is refused. */
function insideFolder(folder: string, jsonPath: string, p: unknown): string {
  if (typeof p !== 'string' || p === '') throw new Error(`${jsonPath}: the weights manifest lists a path that is not a file name: ${typeof p === 'string' ? "''" : describeValue(p)}`);
  const file = path.resolve(folder, p);
  const relative = path.relative(folder, file);
  if (path.isAbsolute(p) || relative.startsWith('..') || path.isAbsolute(relative) || relative === '') {
    throw new Error(`${jsonPath}: the weights manifest path '${p.slice(0, 200)}' leaves the model folder; weights must be files inside ${folder}`);
  }
  return file;
}

/** A manifest entry checked: an object with a string name and a shape of non-negative integers. */
function checkEntry(spec: unknown, index: number, jsonPath: string): tf.io.WeightsManifestEntry {
  const entry = spec as Partial<tf.io.WeightsManifestEntry> | null;
  if (entry === null || typeof entry !== 'object' || typeof entry.name !== 'string') {
    throw new Error(`${jsonPath}: weights manifest entry ${index} is ${describeValue(spec)}, not a named weight { name, shape, dtype }`);
  }
  if (!Array.isArray(entry.shape) || !entry.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    const shape = Array.isArray(entry.shape) ? `[${clip(entry.shape.map(describeValue).join(', '))}]` : describeValue(entry.shape);
    throw new Error(`${jsonPath}: weight '${clip(entry.name)}' has shape ${shape}, not a list of non-negative integers`);
  }
  return entry as tf.io.WeightsManifestEntry;
}

function bytesPerElement(spec: tf.io.WeightsManifestEntry, jsonPath: string): number {
  // Any quantization field, even null: tfjs' decodeWeights reads it and fails on null.
  if ('quantization' in spec) throw new Error(`${jsonPath}: weight '${clip(spec.name)}' is quantized, which lab does not load`);
  if (spec.dtype === 'float32' || spec.dtype === 'int32') return 4;
  if (spec.dtype === 'bool') return 1;
  throw new Error(`${jsonPath}: weight '${clip(spec.name)}' has dtype '${describeValue(spec.dtype)}', which lab does not load`);
}
