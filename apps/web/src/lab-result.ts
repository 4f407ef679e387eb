import type { BackendFailure, BackendName } from './backend.js';
import type { DigitPrediction } from './predict-digit.js';

/** What the page computed, for end-to-end tests and the curious (`window.__labResult`). */
export interface LabResult extends DigitPrediction {
  backend: BackendName;
  /** Backends that failed before `backend` was chosen (shown on the page too). */
  backendFailures: BackendFailure[];
}

declare global {
  interface Window {
    __labResult?: LabResult;
    __labError?: string;
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
