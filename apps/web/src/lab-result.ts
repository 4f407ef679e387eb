import type { BackendFailure, BackendName } from './backend.js';
import type { DigitPrediction } from './predict-digit.js';

/** What the page computed at start, for end-to-end tests and the curious (`window.__labResult`). */
export interface LabResult extends DigitPrediction {
  backend: BackendName;
  /** Backends that failed before `backend` was chosen (shown on the page too). */
  backendFailures: BackendFailure[];
  /** On webgl: the renderer WebGL draws with (see `webglRenderer`). */
  renderer?: string;
}

/** What the page has done since, step by step (`window.__labState`), for tests and the curious. */
export interface LabState {
  data?: {
    train: number;
    validation: number;
    test: number;
    /** The files' SHA-256 matched the published ones (always true: a mismatch is an error). */
    verified: boolean;
  };
  training?: {
    state: 'running' | 'paused' | 'stopping' | 'finished';
    /** Per-epoch logs: loss, accuracy, val_loss, val_accuracy, seconds. */
    epochs: Record<string, number>[];
    samplesPerSecond: number;
    /** Set when Stop cut an epoch short: which (0-based) and how many of its images were trained on. */
    partialEpoch?: { epoch: number; images: number; of: number };
    /** On webgl: shader programs compiled before the run, and those its first epoch still compiled. */
    shaders?: { warmedUp: number; compiledInFirstEpoch: number };
  };
  evaluation?: { accuracy: number; matrix: number[][] };
  /** What the "Inside the model" view last drew: the layer, its units, the weight pictures and activations. */
  inside?: { layer: string; units: number; pictures: number; activations: number };
  /** How many runs the runs panel has kept since the page opened. */
  runs?: number;
  drawing?: DigitPrediction & { input: number[] };
  /** The last error shown in a step (data, training, evaluation, drawing, model), until that step runs again. */
  stepError?: string;
  /** The step `stepError` was shown in. */
  stepErrorIn?: 'data' | 'train' | 'evaluate' | 'draw' | 'model';
}

declare global {
  interface Window {
    __labResult?: LabResult;
    __labError?: string;
    __labState?: LabState;
  }
}

/** Page states, in `document.body.dataset.status`: tests wait for `ready` or `error`. */
export type PageStatus = 'loading' | 'ready' | 'error';

/** Marks the page ready and exposes the result. */
export function publishResult(result: LabResult): void {
  window.__labResult = result;
  document.body.dataset.status = 'ready' satisfies PageStatus;
}

/** Marks the page failed and exposes the message. */
export function publishError(message: string): void {
  window.__labError = message;
  document.body.dataset.status = 'error' satisfies PageStatus;
}

/** Merges `update` into `window.__labState`. */
export function publishState(update: Partial<LabState>): void {
  window.__labState = { ...window.__labState, ...update };
}
