import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

/**
 * A tfjs IO handler for a model directory on Node: `model.json` (topology + weights manifest) and
 * `weights.bin`, the layout `tf.loadLayersModel('file://…/model.json')` and TensorFlow's converter read.
 *
 * Saving is atomic: the files are written and flushed in a sibling temporary directory, which then
 * replaces `dir` by rename. A save interrupted at any point leaves the previous model readable:
 * either `dir` is intact, or (killed between the two renames) the previous model sits in
 * `DIR.previous-*`, which the next load or save of `dir` moves back.
 */
export function fileSystem(dir: string): tf.io.IOHandler {
  const target = path.resolve(dir);
  return {
    async save(artifacts) {
      await recover(target);
      const tmp = `${target}.tmp-${randomBytes(4).toString('hex')}`;
      await fs.mkdir(tmp, { recursive: true });
      try {
        const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
        const { weightData: _, weightSpecs, ...rest } = artifacts;
        const json = { ...rest, weightsManifest: [{ paths: [WEIGHTS_BIN], weights: weightSpecs ?? [] }] };
        await writeDurably(path.join(tmp, WEIGHTS_BIN), new Uint8Array(weights));
        await writeDurably(path.join(tmp, MODEL_JSON), JSON.stringify(json));
        const previous = `${target}.previous-${randomBytes(4).toString('hex')}`;
        const existed = await exists(target);
        if (existed) await fs.rename(target, previous);
        await fs.rename(tmp, target);
        if (existed) await fs.rm(previous, { recursive: true, force: true });
      } catch (error) {
        await fs.rm(tmp, { recursive: true, force: true });
        throw error;
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      await recover(target);
      const jsonPath = path.join(target, MODEL_JSON);
      let json: tf.io.ModelJSON;
      try {
        json = JSON.parse(await fs.readFile(jsonPath, 'utf8')) as tf.io.ModelJSON;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new Error(`${jsonPath}: not found; a saved model directory holds model.json and weights.bin`);
        throw new Error(`${jsonPath}: not a valid model.json (${(error as Error).message})`);
      }
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Uint8Array[] = [];
      for (const group of json.weightsManifest ?? []) {
        specs.push(...group.weights);
        for (const p of group.paths) {
          const file = path.join(target, p);
          try {
            buffers.push(await fs.readFile(file));
          } catch {
            throw new Error(`${jsonPath}: lists the weights file '${p}', which is missing (${file})`);
          }
        }
      }
      const expected = specs.reduce((n, s) => n + tf.util.sizeFromShape(s.shape) * 4, 0);
      const total = buffers.reduce((n, b) => n + b.byteLength, 0);
      if (total !== expected) throw new Error(`${target}: the weight files hold ${total} bytes, but model.json's manifest needs ${expected}`);
      const weightData = new Uint8Array(total);
      let offset = 0;
      for (const b of buffers) {
        weightData.set(b, offset);
        offset += b.byteLength;
      }
      const { weightsManifest: _, ...rest } = json;
      return { ...rest, weightSpecs: specs, weightData: weightData.buffer } as tf.io.ModelArtifacts;
    },
  };
}

async function writeDurably(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/** Moves back a previous model left by a save killed between its two renames. */
async function recover(target: string): Promise<void> {
  if (await exists(target)) return;
  const parent = path.dirname(target);
  const base = `${path.basename(target)}.previous-`;
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  const previous = entries.find((e) => e.startsWith(base));
  if (previous) await fs.rename(path.join(parent, previous), target);
}
