import { describe, expect, it } from 'vitest';
import { makeProgram } from './cli.js';
import { inCliTerms } from './cli-terms.js';

const command = (name: string) => makeProgram().commands.find((c) => c.name() === name)!;

describe('inCliTerms: library messages in the flags of the command that ran', () => {
  it('names the flag for a camelCase option and drops the library function’s name', () => {
    expect(inCliTerms('fit: validationSplit 0.95 of 10 samples leaves an empty split', command('train'))).toBe('--validation-split 0.95 of 10 samples leaves an empty split');
    expect(inCliTerms('fit: batchSize must be a positive integer, got 0', command('cv'))).toBe('--batch-size must be a positive integer, got 0');
  });

  it('names --folds for the splitters’ k, only where k is the option', () => {
    expect(inCliTerms('stratifiedKFold: k (5) cannot be greater than the number of samples (3)', command('cv'))).toBe('--folds (5) cannot be greater than the number of samples (3)');
    expect(inCliTerms('kFold: k must be an integer >= 2; got 1', command('cv'))).toBe('--folds must be an integer >= 2; got 1');
    // train has no --folds: nothing to translate.
    expect(inCliTerms('kFold: k must be an integer >= 2; got 1', command('train'))).toBe('kFold: k must be an integer >= 2; got 1');
  });

  it('leaves a message alone when it names no option (prose words and file names included)', () => {
    for (const message of ['model.json: not found', 'fit: epochs must be a non-negative integer, got -1', 'trained for 5 epochs of a k-means']) {
      expect(inCliTerms(message, command('train'))).toBe(message);
    }
    expect(inCliTerms('fit: validationSplit must be in [0, 1)', undefined)).toBe('fit: validationSplit must be in [0, 1)');
  });
});
