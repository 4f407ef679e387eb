import fs from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile, replaceDirAtomic, writeFileAtomic } from '@lab/core/node';
import { decodeState, type EncodedState, encodeState } from '../io/optimizer-state.js';
import { loadModel } from '../io/load.js';
import type { Sequential } from '../sequential.js';
import { fileSystem } from './file-system.js';

/** Where a checkpoint stands: the epoch and how many of its batches were done, plus caller data. */
export interface CheckpointInfo {
  epoch: number;
  step: number;
  [key: string]: unknown;
}

/**
 * Writes a training checkpoint to `dir`: the model (Layers format, in `dir/model`), the optimizer
 * state (`optimizer.json` + `optimizer.bin`) and `checkpoint.json` with `info`. The whole
 * checkpoint is built in a temporary sibling directory and swapped in by rename, so an
 * interrupted write leaves the previous checkpoint whole.
 */
export async function saveCheckpoint(model: Sequential, dir: string, info: CheckpointInfo): Promise<void> {
  await replaceDirAtomic(
    dir,
    async (tmp) => {
      await model.save(fileSystem(path.join(tmp, 'model')));
      if (model.optimizerState !== undefined) {
        const state = await encodeState(model.optimizerState);
        await writeFileAtomic(path.join(tmp, 'optimizer.bin'), new Uint8Array(state.data));
        await writeFileAtomic(path.join(tmp, 'optimizer.json'), JSON.stringify({ structure: state.structure, specs: state.specs }));
      }
      await writeFileAtomic(path.join(tmp, 'checkpoint.json'), JSON.stringify(info));
    },
    { mkdir: true },
  );
}

/**
 * Reads a checkpoint written by {@link saveCheckpoint}: the model with its optimizer state restored
 * (compile it with the same optimizer before `fit`; compile resets the state, so restore after:
 * `model.optimizerState = state`), and the info.
 */
export async function loadCheckpoint(dir: string): Promise<{ model: Sequential; optimizerState: Sequential['optimizerState']; info: CheckpointInfo }> {
  const target = path.resolve(dir);
  const infoPath = path.join(target, 'checkpoint.json');
  const info = (await readJson(infoPath, `is '${dir}' a checkpoint written by lab?`)) as CheckpointInfo;
  if (typeof info !== 'object' || info === null || !Number.isInteger(info.epoch) || !Number.isInteger(info.step)) {
    throw new Error(`${infoPath}: not a lab checkpoint (needs integer "epoch" and "step")`);
  }
  const model = await loadModel(fileSystem(path.join(target, 'model')));
  let optimizerState: Sequential['optimizerState'];
  const statePath = path.join(target, 'optimizer.json');
  try {
    if (await fs.stat(statePath).then(() => true, () => false)) {
      const { structure, specs } = (await readJson(statePath, 'the checkpoint is incomplete')) as Omit<EncodedState, 'data'>;
      const data = await readRegularFile(path.join(target, 'optimizer.bin'), { what: "the checkpoint's optimizer state" });
      try {
        optimizerState = decodeState({ structure, specs, data: data.slice().buffer });
      } catch (error) {
        throw new Error(`${statePath}: the optimizer state does not decode (${(error as Error).message.slice(0, 200)})`);
      }
    }
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, optimizerState, info };
}

/** A JSON file of a checkpoint; a missing, special or corrupt file is an error naming it. */
async function readJson(file: string, hint: string): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegularFile(file, { maxBytes: 64 * 2 ** 20 }));
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.endsWith('does not exist') ? `${file}: not found; ${hint}` : message);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message.slice(0, 200)}); the checkpoint is damaged`);
  }
}
