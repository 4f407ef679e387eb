import type { Sequential } from '@lab/models';
import type { BackendName } from './backend.js';
import type { MnistData } from './data/mnist-data.js';
import type { DenoiseSpec } from './preprocess/denoise.js';

/** What the page's steps share: the backend, the data once loaded, and the current model. */
export interface Session {
  backend: BackendName;
  data: MnistData | undefined;
  /** The model drawing and evaluation use; replaced (and the old one disposed) by each training run. */
  model: Sequential;
  /** True once `model` has been trained. */
  trained: boolean;
  /** The run (see the runs panel) `model` comes from; undefined for a loaded or untrained model. */
  runId?: string;
  /** True when the last run was stopped before its last epoch ended. */
  partial?: boolean;
  /** The last digit drawn (28 × 28, 0–255), for the inside view's activations. */
  digit?: Uint8Array;
  /** True while a run trains `model`: evaluation waits. */
  training: boolean;
  /** The denoising filter picked for the next training run (the model keeps its own in its metadata). */
  denoise: DenoiseSpec | undefined;
}
