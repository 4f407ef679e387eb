import * as tf from '@tensorflow/tfjs-core';
import type { ColumnOverview } from './column-overview.js';
import type { TableRowPrediction } from './table-predict.js';
import type { TableScores } from './table-scores.js';

/** What the table page has done (`window.__labTable`), for end-to-end tests and the curious. */
export interface LabTableState {
  backend?: string;
  /** `tf.memory().numTensors` when the page was ready, before any model. */
  numTensorsAtStart?: number;
  /** `tf.memory().numTensors` after the last step. */
  numTensors?: number;
  table?: { name: string; rows: number; columns: ColumnOverview[] };
  task?: { target: string; task: string; reason: string };
  training?: { state: 'running' | 'finished'; epochs: number; scores?: TableScores };
  /** Where the current model comes from: `trained` on the page or `loaded` from files. */
  model?: { source: 'trained' | 'loaded'; features: number; target: string };
  predictions?: TableRowPrediction[];
  /** The last error the page showed. */
  error?: string;
}

declare global {
  interface Window {
    __labTable?: LabTableState;
  }
}

/** Merges `update` into `window.__labTable`, with the current tensor count. */
export function publishTable(update: Partial<LabTableState>): void {
  window.__labTable = { ...window.__labTable, ...update, numTensors: tf.memory().numTensors };
}
