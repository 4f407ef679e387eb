import type { Logs } from '@lab/models';

/** The JSON schema name of an exported run; bumped when a field changes meaning. */
export const RUN_SCHEMA = 'lab.web.run/1';

/** What a run was trained with, as the form and the page's address say it. */
export interface RunSettings {
  architecture: string;
  optimizer: string;
  learningRate: number;
  /** `exponential ×RATE every STEPS steps`, or `constant`. */
  schedule: string;
  batchSize: number;
  epochs: number;
  validationSplit: number;
  seed: number;
  backend: string;
  /** Images trained on (after the validation split). */
  trainImages: number;
}

/** One finished training run, as the page keeps it in IndexedDB and exports it. */
export interface RunRecord {
  schema: typeof RUN_SCHEMA;
  /** Unique and sortable: the start time in ms and a counter. */
  id: string;
  startedAt: string;
  settings: RunSettings;
  /** Trainable and non-trainable weights of the model. */
  params: number;
  /** Per full epoch: loss, accuracy, val_loss, val_accuracy, seconds (as Keras' History). */
  epochs: Record<string, number>[];
  /** Set when Stop cut an epoch short (its scores are not in `epochs`). */
  partialEpoch?: { epoch: number; images: number; of: number };
  samplesPerSecond: number;
  seconds: number;
  /** Test accuracy, once the run's model was evaluated on the test set. */
  testAccuracy?: number;
}

let counter = 0;

/** A record for a run that has just ended. */
export function runRecord(fields: Omit<RunRecord, 'schema' | 'id' | 'startedAt'> & { started: Date }): RunRecord {
  const { started, ...rest } = fields;
  counter = (counter + 1) % 1000;
  return { schema: RUN_SCHEMA, id: `${started.getTime()}-${String(counter).padStart(3, '0')}`, startedAt: started.toISOString(), ...rest };
}

/** Only numbers that JSON can hold: what Keras' History logs, without NaN or ±Infinity. */
export function epochLogs(logs: Logs): Record<string, number> {
  return Object.fromEntries(Object.entries(logs).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
}

/** The metrics a run's curves can be compared on. */
export const RUN_METRICS = ['val_accuracy', 'val_loss', 'accuracy', 'loss'] as const;
export type RunMetric = (typeof RUN_METRICS)[number];

/** The last full epoch's value of `metric`, or undefined. */
export function finalValue(record: RunRecord, metric: RunMetric): number | undefined {
  return record.epochs[record.epochs.length - 1]?.[metric];
}

/** A short name for a run in legends and tables: its time and architecture. */
export function runLabel(record: RunRecord): string {
  const time = record.startedAt.slice(11, 19);
  return `${time} ${record.settings.architecture}`;
}

/** The file name and text of an exported run. */
export function runExport(record: RunRecord): { name: string; text: string } {
  return { name: `lab-run-${record.id}.json`, text: `${JSON.stringify(record, null, 2)}\n` };
}
