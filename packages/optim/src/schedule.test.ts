import { describe, expect, it } from 'vitest';
import { constant, toSchedule } from './schedule.js';

describe('constant', () => {
  it('returns its value at every step', () => {
    const schedule = constant(0.3);
    expect([0, 1, 1000].map(schedule)).toEqual([0.3, 0.3, 0.3]);
    expect(() => constant(Number.NaN)).toThrow('constant: value must be a finite number; got NaN');
  });
});

describe('toSchedule', () => {
  it('turns a number into a constant schedule and passes a schedule through', () => {
    const schedule = (step: number): number => step / 10;
    expect(toSchedule('sgd', 'learningRate', schedule)).toBe(schedule);
    expect(toSchedule('sgd', 'learningRate', 0.1)(7)).toBe(0.1);
  });

  it('names the owner and option of a bad value', () => {
    // A config could hold a string; the type system cannot catch that.
    expect(() => toSchedule('sgd', 'learningRate', '0.1' as unknown as number)).toThrow(
      'sgd: learningRate must be a finite number; got "0.1"',
    );
    expect(() => toSchedule('sgd', 'learningRate', -1, { min: 0 })).toThrow('with 0 <= learningRate; got -1');
  });
});
