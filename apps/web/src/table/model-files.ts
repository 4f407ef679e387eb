import { loadModel, modelToArtifacts, type Sequential } from '@lab/models';
import { TablePreprocessing, type TablePreprocessingJSON } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';

/** The three files of a saved table model, as `lab train --data … --target …` writes them. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const PREPROCESSING_JSON = 'preprocessing.json';

/** A file to download: its name and contents. */
export interface NamedBlob {
  name: string;
  blob: Blob;
}

/**
 * A table model as the CLI's saveTableModel writes it: `model.json` (tfjs Layers format, one
 * weights group whose path is `weights.bin`, the class labels and the preprocessing file named in
 * lab's metadata), `weights.bin`, and `preprocessing.json` (the fitted TablePreprocessing).
 */
export async function tableModelFiles(model: Sequential, pre: TablePreprocessing): Promise<NamedBlob[]> {
  const metadata = { ...(pre.target.labels ? { labels: [...pre.target.labels] } : {}), preprocessing: { table: PREPROCESSING_JSON } };
  const { weightData, weightSpecs, ...rest } = await modelToArtifacts(model, metadata);
  const weights = tf.io.CompositeArrayBuffer.join(weightData ?? new ArrayBuffer(0));
  const json = { ...rest, weightsManifest: [{ paths: [WEIGHTS_BIN], weights: weightSpecs ?? [] }] };
  return [
    { name: MODEL_JSON, blob: new Blob([JSON.stringify(json)], { type: 'application/json' }) },
    { name: WEIGHTS_BIN, blob: new Blob([weights], { type: 'application/octet-stream' }) },
    { name: PREPROCESSING_JSON, blob: new Blob([`${JSON.stringify(pre.toJSON(), null, 2)}\n`], { type: 'application/json' }) },
  ];
}

/** A picked file's name and bytes: a `File` in the browser; anything with these in tests. */
export interface PickedFile {
  readonly name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads a JSON file, naming it when it is not JSON. */
async function readJson(file: PickedFile): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch (error) {
    throw new Error(`${file.name}: not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
}

/**
 * Loads a table model from picked files, told apart by their contents (so renamed downloads
 * work): the Layers `model.json`, its weight files (matched to the manifest's paths by name) and
 * `preprocessing.json`. Reads the files itself, so it needs no tfjs HTTP loader. Errors name the
 * file that is missing or wrong; the caller disposes the model.
 */
export async function loadTableModelFiles(files: readonly PickedFile[]): Promise<{ model: Sequential; pre: TablePreprocessing }> {
  let modelFile: { file: PickedFile; json: tf.io.ModelJSON } | undefined;
  let preFile: { file: PickedFile; json: TablePreprocessingJSON } | undefined;
  const binaries = new Map<string, PickedFile>();
  for (const file of files) {
    if (!file.name.toLowerCase().endsWith('.json')) {
      binaries.set(file.name, file);
      continue;
    }
    const json = (await readJson(file)) as Record<string, unknown> | null;
    if (json !== null && typeof json === 'object' && 'modelTopology' in json) modelFile = { file, json: json as unknown as tf.io.ModelJSON };
    else if (json !== null && typeof json === 'object' && json.format === 'lab-table-preprocessing') preFile = { file, json: json as unknown as TablePreprocessingJSON };
    else throw new Error(`${file.name}: neither a model.json (no modelTopology) nor a table model's preprocessing.json (no format 'lab-table-preprocessing')`);
  }
  if (!modelFile) throw new Error(`pick the model's ${MODEL_JSON} (with ${WEIGHTS_BIN} and ${PREPROCESSING_JSON})`);
  if (!preFile) throw new Error(`pick the model's ${PREPROCESSING_JSON} too: a table model needs its preprocessing`);
  let pre: TablePreprocessing;
  try {
    pre = TablePreprocessing.fromJSON(preFile.json);
  } catch (error) {
    throw new Error(`${preFile.file.name}: ${(error as Error).message}`);
  }
  const { file, json } = modelFile;
  const handler: tf.io.IOHandler & { path: string } = { path: file.name, load: () => artifacts(file.name, json, binaries) };
  const model = await loadModel(handler);
  const [inputs] = model.inputShape ?? [];
  const outputs = model.layers.reduce((shape, layer) => layer.outputShape(shape), model.inputShape ?? []);
  if (inputs !== pre.featureNames.length || outputs.at(-1) !== pre.target.outputs) {
    model.dispose();
    throw new Error(
      `${file.name} takes ${inputs} features and gives ${outputs.at(-1)} outputs, but ${preFile.file.name} makes ${pre.featureNames.length} features for ${pre.target.outputs} outputs: they are not from the same model`,
    );
  }
  return { model, pre };
}

/** model.json's artifacts with the weights read from the picked files its manifest names. */
async function artifacts(where: string, json: tf.io.ModelJSON, binaries: ReadonlyMap<string, PickedFile>): Promise<tf.io.ModelArtifacts> {
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest)) throw new Error(`${where}: has no weightsManifest`);
  const parts: ArrayBuffer[] = [];
  for (const group of manifest) {
    for (const path of group.paths ?? []) {
      const name = path.split('/').pop()!;
      const picked = binaries.get(name);
      if (!picked) throw new Error(`${where} names the weights file '${name}'; pick it too (picked: ${[...binaries.keys()].join(', ') || 'no weights file'})`);
      parts.push(await picked.arrayBuffer());
    }
  }
  const { weightsManifest, ...rest } = json;
  return { ...rest, weightSpecs: weightsManifest.flatMap((g) => g.weights), weightData: tf.io.CompositeArrayBuffer.join(parts) } as tf.io.ModelArtifacts;
}
