import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@lab/core/node';
import { loadModel, type Sequential } from '@lab/models';
import { fileSystem } from '@lab/models/node';
import { type Table, type TableColumn, TablePreprocessing, type TablePreprocessingJSON, type TableTask } from '@lab/preprocess';
import type { TableFlags } from './table-options.js';

export { TablePreprocessing };

/** The file beside a table model's model.json that holds its fitted preprocessing. */
export const PREPROCESSING_FILE = 'preprocessing.json';

/** Fits the flags' preprocessing on the training rows (`--impute`, `--scale`; `--ignore` kept as known columns). */
export function fitTablePreprocessing(rows: Table, targetName: string, target: TableColumn, task: TableTask, flags: TableFlags): TablePreprocessing {
  return TablePreprocessing.fit(rows, targetName, target, task, {
    impute: flags.impute ?? 'mean',
    scale: flags.scale ?? 'standard',
    ignored: flags.ignore ?? [],
    ...(flags.kinds ? { kinds: flags.kinds } : {}),
  });
}

/**
 * Saves a table model: model.json + weights (tfjs Layers format, the class labels in its
 * metadata) and `preprocessing.json` beside them (written last, atomically).
 */
export async function saveTableModel(model: Sequential, pre: TablePreprocessing, dir: string): Promise<void> {
  await model.save(fileSystem(dir), { ...(pre.target.labels ? { labels: [...pre.target.labels] } : {}), preprocessing: { table: PREPROCESSING_FILE } });
  await writeFileAtomic(path.join(dir, PREPROCESSING_FILE), `${JSON.stringify(pre.toJSON(), null, 2)}\n`, { mkdir: true });
}

/** A saved model folder's table preprocessing, or undefined when the folder holds an image model. */
export async function readTablePreprocessing(dir: string): Promise<TablePreprocessing | undefined> {
  const file = path.join(dir, PREPROCESSING_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  try {
    return TablePreprocessing.fromJSON(JSON.parse(text) as TablePreprocessingJSON);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** Loads a saved model with its table preprocessing (undefined for an image model). */
export async function loadTableModel(dir: string): Promise<{ model: Sequential; pre: TablePreprocessing | undefined }> {
  const model = await loadModel(fileSystem(dir));
  try {
    return { model, pre: await readTablePreprocessing(dir) };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
