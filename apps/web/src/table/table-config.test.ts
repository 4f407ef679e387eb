import { describe, expect, it } from 'vitest';
import { parseTableConfig, TABLE_DEFAULTS } from './table-config.js';

describe('parseTableConfig', () => {
  it('takes the defaults for empty fields and reads the others', () => {
    expect(parseTableConfig({})).toEqual(TABLE_DEFAULTS);
    expect(parseTableConfig({ epochs: '3', batchSize: ' ', learningRate: '0.01', seed: '0', hiddenUnits: '16' })).toEqual({ ...TABLE_DEFAULTS, epochs: 3, learningRate: 0.01, seed: 0, hiddenUnits: 16 });
  });

  it('names the field out of range, and a field it does not know', () => {
    expect(() => parseTableConfig({ epochs: '0' })).toThrow("epochs: must be an integer from 1 to 1000, got '0'");
    expect(() => parseTableConfig({ batchSize: '2.5' })).toThrow("batchSize: must be an integer from 1 to 4096, got '2.5'");
    expect(() => parseTableConfig({ learningRate: 'fast' })).toThrow("learningRate: must be a number in (0, 10], got 'fast'");
    expect(() => parseTableConfig({ seed: '-1' })).toThrow('seed: must be an integer from 0 to 2147483647');
    expect(() => parseTableConfig({ epoch: '3' })).toThrow('unknown training field epoch; the fields are hiddenUnits, epochs, batchSize, learningRate, seed');
  });
});
