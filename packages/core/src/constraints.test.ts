import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { array, boolean, checkOptions, checkValue, closest, func, integer, number, oneOf, string } from './constraints.js';

const kFoldOptions = { nSplits: integer({ min: 2 }), shuffle: boolean(), seed: [integer(), oneOf(null)] } as const;

describe('checkOptions', () => {
  it('rejects an unknown option with a did-you-mean hint and the list of options', () => {
    expect(() => checkOptions('kFold', { n_splits: 3 }, kFoldOptions)).toThrow(
      "kFold: unknown option 'n_splits' (did you mean 'nSplits'?); the options are nSplits, shuffle, seed",
    );
    expect(() => checkOptions('kFold', { suffle: true }, kFoldOptions)).toThrow("(did you mean 'shuffle'?)");
    expect(() => checkOptions('kFold', { colour: 1 }, kFoldOptions)).toThrow(/unknown option 'colour'; the options are/);
    expect(() => checkOptions('f', { a: 1 }, {})).toThrow("f: unknown option 'a'; it takes no options");
  });

  it('names the option, the allowed values and what it got', () => {
    expect(() => checkOptions('kFold', { nSplits: 1 }, kFoldOptions)).toThrow('kFold: nSplits must be an integer with 2 <= nSplits; got 1');
    expect(() => checkOptions('kFold', { nSplits: 2.5 }, kFoldOptions)).toThrow('must be an integer');
    expect(() => checkOptions('kFold', { shuffle: 'false' }, kFoldOptions)).toThrow('kFold: shuffle must be true or false; got "false"');
    expect(() => checkOptions('kFold', { seed: 'x' }, kFoldOptions)).toThrow("kFold: seed must be an integer or one of null; got \"x\"");
    expect(() => checkValue('adam', 'beta1', 1, number({ min: 0, max: 1, maxExclusive: true }))).toThrow(
      'adam: beta1 must be a finite number with 0 <= beta1 < 1; got 1',
    );
    expect(() => checkValue('f', 'mode', 'avg', oneOf('mean', 'median'))).toThrow("f: mode must be one of 'mean', 'median'; got \"avg\"");
    expect(() => checkValue('f', 'cols', [1, 'a'], array(integer()))).toThrow('f: cols must be an array of integer; got [1, "a"]');
    expect(() => checkValue('f', 'cb', 3, func())).toThrow('f: cb must be a function; got 3');
    expect(() => checkOptions('f', [1], {})).toThrow('f: options must be an object; got [1]');
  });

  it('keeps messages short for huge values', () => {
    const message = (() => {
      try {
        checkValue('f', 'name', 'x'.repeat(5_000_000), oneOf('a'));
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message!.length).toBeLessThan(200);
  });

  it('accepts undefined (the default) and every value meeting its constraint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1000 }), fc.boolean(), fc.option(fc.integer(), { nil: null }), (nSplits, shuffle, seed) => {
        checkOptions('kFold', { nSplits, shuffle, seed }, kFoldOptions);
        checkOptions('kFold', { nSplits: undefined }, kFoldOptions);
      }),
      { seed: 1, numRuns: 200 },
    );
    checkOptions('f', undefined, { a: string() });
  });
});

describe('closest', () => {
  it('suggests across snake_case, kebab-case and small typos, and nothing for unrelated names', () => {
    expect(closest('batch_size', ['batchSize', 'epochs'])).toBe('batchSize');
    expect(closest('learning-rate', ['learningRate'])).toBe('learningRate');
    expect(closest('epoch', ['epochs', 'seed'])).toBe('epochs');
    expect(closest('zzz', ['epochs', 'seed'])).toBeUndefined();
  });
});
