import { describe, expect, it } from 'vitest';
import {
  adagrad,
  adam,
  adamw,
  addDecayedWeights,
  cosineDecay,
  exponentialDecay,
  getOptimizer,
  linearWarmup,
  piecewiseConstant,
  rmsprop,
  scaleByAdam,
  scaleByLearningRate,
  scaleByRms,
  scaleByRss,
  sgd,
  stepDecay,
  trace,
} from './index.js';

describe('optimizer options', () => {
  it('reject unknown options with the closest as a hint, where they were ignored', () => {
    expect(() => adam({ learning_rate: 0.1 } as never)).toThrow(
      "adam: unknown option 'learning_rate' (did you mean 'learningRate'?); the options are learningRate, beta1, beta2, epsilon",
    );
    expect(() => adam({ lr: 0.1 } as never)).toThrow("adam: unknown option 'lr'; the options are learningRate, beta1, beta2, epsilon");
    expect(() => adam({ beta_1: 0.8 } as never)).toThrow("(did you mean 'beta1'?)");
    expect(() => adamw({ weight_decay: 0.01 } as never)).toThrow("adamw: unknown option 'weight_decay' (did you mean 'weightDecay'?)");
    expect(() => sgd({ nestrov: true, momentum: 0.9 } as never)).toThrow("sgd: unknown option 'nestrov' (did you mean 'nesterov'?)");
    expect(() => rmsprop({ rho: 0.9 } as never)).toThrow("rmsprop: unknown option 'rho'; the options are learningRate, decay, epsilon, epsilonInsideSqrt, momentum, centered");
    expect(() => adagrad({ initial_accumulator_value: 0 } as never)).toThrow("(did you mean 'initialAccumulatorValue'?)");
  });

  it('check values that were accepted and then misread', () => {
    // A truthy string was Nesterov; "false" was true.
    expect(() => sgd({ momentum: 0.9, nesterov: 'false' } as never)).toThrow('sgd: nesterov must be true or false; got "false"');
    expect(() => rmsprop({ centered: 1 } as never)).toThrow('rmsprop: centered must be true or false; got 1');
    expect(() => adagrad({ epsilonInsideSqrt: 'no' } as never)).toThrow('adagrad: epsilonInsideSqrt must be true or false');
    expect(() => adam({ beta2: null } as never)).toThrow('adam: beta2 must be a finite number with 0 <= beta2 < 1; got null');
    expect(() => adam(3 as never)).toThrow('adam: options must be an object; got 3');
    // Messages of the values checked before stay as they were.
    expect(() => adam({ beta1: 1 })).toThrow('adam: beta1 must be a finite number with 0 <= beta1 < 1; got 1');
    expect(() => sgd({ learningRate: -0.1 })).toThrow('sgd: learningRate must be a finite number with 0 <= learningRate; got -0.1');
  });

  it('getOptimizer hints at the option meant', () => {
    expect(() => getOptimizer('adam', { learningrate: 0.1 })).toThrow(
      'getOptimizer: unknown option "learningrate" for adam (did you mean "learningRate"?); valid options are learningRate, beta1, beta2, epsilon',
    );
    expect(() => getOptimizer('nesterov', { nesterov: false })).toThrow('getOptimizer: unknown option "nesterov" for nesterov; valid options are learningRate, momentum');
  });
});

describe('transformation options', () => {
  it('reject unknown options and misread values', () => {
    expect(() => scaleByAdam({ beta1: 0.9 } as never)).toThrow("scaleByAdam: unknown option 'beta1'; the options are b1, b2, eps");
    expect(() => scaleByAdam({ epsilon: 1e-8 } as never)).toThrow("scaleByAdam: unknown option 'epsilon'");
    expect(() => scaleByRms({ epsInSqr: false } as never)).toThrow("scaleByRms: unknown option 'epsInSqr' (did you mean 'epsInSqrt'?)");
    expect(() => scaleByRms({ centered: 'true' } as never)).toThrow('scaleByRms: centered must be true or false; got "true"');
    expect(() => scaleByRss({ epsInSqrt: 0 } as never)).toThrow('scaleByRss: epsInSqrt must be true or false; got 0');
    expect(() => trace({ momentum: 0.9 } as never)).toThrow("trace: unknown option 'momentum'; the options are decay, nesterov");
    expect(() => trace({ nesterov: 1 } as never)).toThrow('trace: nesterov must be true or false; got 1');
    expect(() => addDecayedWeights({ decay: 0.1 } as never)).toThrow("addDecayedWeights: unknown option 'decay'; the options are weightDecay");
    expect(() => scaleByLearningRate(0.1, { flip_sign: false } as never)).toThrow("scaleByLearningRate: unknown option 'flip_sign' (did you mean 'flipSign'?)");
    expect(() => scaleByLearningRate(0.1, { flipSign: 'no' } as never)).toThrow('scaleByLearningRate: flipSign must be true or false; got "no"');
  });
});

describe('schedule options', () => {
  it('reject unknown options, with a hint', () => {
    expect(() => cosineDecay({ initialValue: 1, decaySteps: 10, alph: 0.1 } as never)).toThrow("cosineDecay: unknown option 'alph' (did you mean 'alpha'?)");
    expect(() => exponentialDecay({ initialValue: 1, transitionSteps: 10, decayRate: 0.5, stair_case: true } as never)).toThrow(
      "exponentialDecay: unknown option 'stair_case' (did you mean 'staircase'?)",
    );
    expect(() => exponentialDecay({ initialValue: 1, decaySteps: 10, decayRate: 0.5 } as never)).toThrow(
      "exponentialDecay: unknown option 'decaySteps'; the options are initialValue, transitionSteps, decayRate, staircase, transitionBegin, endValue",
    );
    expect(() => linearWarmup({ peakValue: 1, warmupSteps: 10, warmup_steps: 5 } as never)).toThrow("(did you mean 'warmupSteps'?)");
    expect(() => piecewiseConstant({ boundaries: [10], values: [1, 2], value: [3] } as never)).toThrow("piecewiseConstant: unknown option 'value' (did you mean 'values'?)");
    expect(() => stepDecay({ initialValue: 1, stepSize: 10, gamma: 0.5 } as never)).toThrow("stepDecay: unknown option 'gamma'; the options are initialValue, stepSize, decayRate");
  });

  it('name a missing required option and what it must be', () => {
    expect(() => cosineDecay({ initialValue: 1 } as never)).toThrow('cosineDecay: decaySteps must be a finite number with 0 < decaySteps; got undefined');
    expect(() => linearWarmup(undefined as never)).toThrow('linearWarmup: peakValue must be a finite number; got undefined');
    expect(() => piecewiseConstant({ values: [1] } as never)).toThrow('piecewiseConstant: boundaries must be an array of finite number; got undefined');
    expect(() => piecewiseConstant({ boundaries: [1], values: [1, '2'] } as never)).toThrow('piecewiseConstant: values must be an array of finite number; got [1, "2"]');
    expect(() => exponentialDecay({ initialValue: 1, transitionSteps: 10, decayRate: 0.5, staircase: 'yes' } as never)).toThrow(
      'exponentialDecay: staircase must be true or false; got "yes"',
    );
  });
});
