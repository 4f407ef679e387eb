import { describe, expect, it } from 'vitest';
import { splitSizes } from './split-sizes.js';
import { formatDuration, Throughput } from './throughput.js';
import { LESSON_CONFIG, learningRateSchedule, makeOptimizer, parseTrainingConfig } from './training-config.js';

describe('parseTrainingConfig', () => {
  it("gives the lesson's settings for an empty form", () => {
    expect(parseTrainingConfig({})).toEqual(LESSON_CONFIG);
  });

  it('reads the form strings and the decay checkbox', () => {
    const config = parseTrainingConfig({ architecture: 'flatten,dense:64:tanh', seed: '7', epochs: '2', optimizer: 'sgd', learningRate: '0.1', decay: 'on' });
    expect(config).toMatchObject({ seed: 7, epochs: 2, optimizer: 'sgd', learningRate: 0.1, decay: true });
    expect(config.architecture).toEqual([{ kind: 'flatten' }, { kind: 'dense', units: 64, activation: 'tanh' }]);
  });

  it('names the field out of range', () => {
    expect(() => parseTrainingConfig({ epochs: '0' })).toThrow("epochs: must be an integer from 1 to 100, got '0'");
    expect(() => parseTrainingConfig({ batchSize: '2.5' })).toThrow('batchSize');
    expect(() => parseTrainingConfig({ validationSplit: '1' })).toThrow("validationSplit: must be a number in [0, 1), got '1'");
    expect(() => parseTrainingConfig({ learningRate: 'fast' })).toThrow('learningRate');
    expect(() => parseTrainingConfig({ optimizer: 'rmsprop' })).toThrow("optimizer: must be one of adam, sgd, got 'rmsprop'");
    expect(() => parseTrainingConfig({ seed: '-1' })).toThrow("seed: must be an integer from 0 to 2147483647, got '-1'");
    expect(() => parseTrainingConfig({ architecture: 'conv:8:3' })).toThrow('architecture: the output layer (Dense 10, softmax) needs a flat input');
  });
});

describe('learningRateSchedule', () => {
  it('is constant without decay and exponential with it', () => {
    expect(learningRateSchedule({ ...LESSON_CONFIG, learningRate: 0.01 })(5000)).toBe(0.01);
    const decayed = learningRateSchedule({ ...LESSON_CONFIG, learningRate: 0.01, decay: true, decayRate: 0.5, decaySteps: 100 });
    expect(decayed(0)).toBe(0.01);
    expect(decayed(200)).toBeCloseTo(0.0025, 12);
    expect(typeof makeOptimizer(LESSON_CONFIG).update).toBe('function');
  });
});

describe('splitSizes', () => {
  it("holds out the last fraction by Keras' rule", () => {
    expect(splitSizes(60000, 0.1)).toEqual({ train: 54000, validation: 6000 });
    expect(splitSizes(5, 0.5)).toEqual({ train: 2, validation: 3 });
    expect(splitSizes(100, 0)).toEqual({ train: 100, validation: 0 });
    expect(() => splitSizes(1, 0.5)).toThrow('leaves an empty split');
  });
});

describe('Throughput', () => {
  it('measures the pace over its window and the time left', () => {
    const t = new Throughput(1000);
    expect(t.samplesPerSecond()).toBe(0);
    expect(t.secondsLeft(100)).toBeUndefined();
    t.mark(0, 0);
    t.mark(500, 100);
    expect(t.samplesPerSecond()).toBe(200);
    expect(t.secondsLeft(300)).toBe(1);
    // The first mark leaves the window; the one at 500 ms opens it: (400 - 100) / 1.5 s.
    t.mark(1500, 200);
    t.mark(2000, 400);
    expect(t.samplesPerSecond()).toBe(200);
    t.reset();
    expect(t.samplesPerSecond()).toBe(0);
  });

  it('formats durations', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });
});
