import { describe, expect, it } from 'vitest';
import { epochLogs, finalValue, RUN_SCHEMA, runExport, runLabel, runRecord } from './run-record.js';

const settings = {
  architecture: 'flatten,dense:128:relu',
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  batchSize: 64,
  epochs: 2,
  validationSplit: 0.1,
  seed: 42,
  backend: 'webgl',
  trainImages: 4500,
};

describe('run records', () => {
  it('are JSON with a schema, a sortable id, and only finite numbers in the logs', () => {
    const started = new Date('2026-12-04T21:05:06.789Z');
    const a = runRecord({ started, settings, params: 101_770, epochs: [epochLogs({ loss: 0.5, accuracy: 0.9, val_loss: Number.NaN })], samplesPerSecond: 2500, seconds: 3.2 });
    const b = runRecord({ started, settings, params: 101_770, epochs: [], samplesPerSecond: 0, seconds: 0 });
    expect(a.schema).toBe(RUN_SCHEMA);
    expect(a.startedAt).toBe('2026-12-04T21:05:06.789Z');
    expect(a.id < b.id).toBe(true);
    expect(a.epochs).toEqual([{ loss: 0.5, accuracy: 0.9 }]);
    expect(finalValue(a, 'accuracy')).toBe(0.9);
    expect(finalValue(b, 'accuracy')).toBeUndefined();
    expect(runLabel(a)).toBe('21:05:06 flatten,dense:128:relu');
    const exported = runExport(a);
    expect(exported.name).toBe(`lab-run-${a.id}.json`);
    expect(JSON.parse(exported.text)).toEqual(a);
  });
});
