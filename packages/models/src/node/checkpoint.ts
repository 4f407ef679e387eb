import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeState, encodeState } from '../io/optimizer-state.js';
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
  const target = path.resolve(dir);
  const tmp = `${target}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    await model.save(fileSystem(path.join(tmp, 'model')));
    if (model.optimizerState !== undefined) {
      const state = await encodeState(model.optimizerState);
      await fs.writeFile(path.join(tmp, 'optimizer.bin'), new Uint8Array(state.data));
      await fs.writeFile(path.join(tmp, 'optimizer.json'), JSON.stringify({ structure: state.structure, specs: state.specs }));
    }
    await fs.writeFile(path.join(tmp, 'checkpoint.json'), JSON.stringify(info));
    const old = `${target}.previous-${randomBytes(4).toString('hex')}`;
    const existed = await fs.stat(target).then(() => true, () => false);
    if (existed) await fs.rename(target, old);
    await fs.rename(tmp, target);
    if (existed) await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Reads a checkpoint written by {@link saveCheckpoint}: the model with its optimizer state restored
 * (compile it with the same optimizer before `fit`; compile resets the state, so restore after:
 * `model.optimizerState = state`), and the info.
 */
export async function loadCheckpoint(dir: string): Promise<{ model: Sequential; optimizerState: Sequential['optimizerState']; info: CheckpointInfo }> {
  const target = path.resolve(dir);
  const infoPath = path.join(target, 'checkpoint.json');
  const info = JSON.parse(await fs.readFile(infoPath, 'utf8').catch(() => {
    throw new Error(`${infoPath}: not found; is '${dir}' a checkpoint written by lab?`);
  })) as CheckpointInfo;
  const model = await loadModel(fileSystem(path.join(target, 'model')));
  let optimizerState: Sequential['optimizerState'];
  const statePath = path.join(target, 'optimizer.json');
  if (await fs.stat(statePath).then(() => true, () => false)) {
    const { structure, specs } = JSON.parse(await fs.readFile(statePath, 'utf8'));
    const data = await fs.readFile(path.join(target, 'optimizer.bin'));
    optimizerState = decodeState({ structure, specs, data: new Uint8Array(data).buffer });
  }
  return { model, optimizerState, info };
}
