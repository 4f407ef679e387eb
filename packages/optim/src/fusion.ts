import { adamUpdate, hasKernel, momentumUpdate, rmspropUpdate, sgdUpdate } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import { fusedAdamStep, fusedMomentumStep, fusedRmspropStep, fusedSgdStep } from './fused-step.js';
import { advance, rateOf, type ScaleByLearningRateState } from './scale-by-learning-rate.js';
import type { ScaleByAdamState } from './scale-by-adam.js';
import type { ScaleByRmsState } from './scale-by-rms.js';
import type { TraceState } from './trace.js';
import type { Fusable, GradientTransformation } from './types.js';

type Step = NonNullable<GradientTransformation['step']>;
type States = tf.TensorContainer[];

/**
 * The one fusion pass of @lab/optim: given a chain's links, the whole optimizer step as one lab
 * kernel per variable when the links are one of
 *
 * - `scaleByAdam [+ addDecayedWeights] + scaleByLearningRate` → `LabAdamUpdate` (Adam, AdamW)
 * - `scaleByLearningRate` → `LabSgdUpdate` (SGD)
 * - `trace + scaleByLearningRate` → `LabMomentumUpdate` (momentum, Nesterov)
 * - `scaleByRms + scaleByLearningRate` → `LabRmspropUpdate` (RMSProp, centered or not)
 *
 * and `undefined` otherwise. The step it returns does nothing (returns `undefined`) where the
 * active backend lacks the kernel, so `applyGradients` falls back to `update`. The kernels follow
 * the composite links operation for operation; the states keep the chain's shapes.
 */
export function fuse(links: readonly GradientTransformation[]): Step | undefined {
  const kinds = links.map((t) => t.fusable);
  if (kinds.some((k) => k === undefined)) return undefined;
  const f = kinds as Fusable[];
  const last = f[f.length - 1];
  if (last?.kind !== 'scaleByLearningRate' || !last.descent) return undefined;
  const { schedule } = last;
  const rateStep = (state: States) => {
    const rateState = state[state.length - 1] as ScaleByLearningRateState;
    // The rate is an attribute of each kernel, so a rate set in the state runs fused too.
    return { rate: rateOf(schedule, rateState), next: advance(rateState) };
  };
  const [first, second] = f;
  if (first?.kind === 'scaleByAdam' && (f.length === 2 || (f.length === 3 && second?.kind === 'addDecayedWeights'))) {
    const weightDecay = second?.kind === 'addDecayedWeights' ? second.weightDecay : 0;
    return (grads, state, variables) => {
      if (!hasKernel(adamUpdate)) return undefined;
      const states = state as States;
      const { rate, next } = rateStep(states);
      const options = { b1: first.b1, b2: first.b2, eps: first.eps, rate, weightDecay };
      const adamState = fusedAdamStep(grads, states[0] as ScaleByAdamState, variables, options);
      return (f.length === 3 ? [adamState, states[1], next] : [adamState, next]) as tf.TensorContainer;
    };
  }
  if (f.length === 1) {
    return (grads, state, variables) => {
      if (!hasKernel(sgdUpdate)) return undefined;
      const { rate, next } = rateStep(state as States);
      fusedSgdStep(grads, variables, rate);
      return [next];
    };
  }
  if (f.length === 2 && first?.kind === 'trace') {
    return (grads, state, variables) => {
      if (!hasKernel(momentumUpdate)) return undefined;
      const states = state as States;
      const { rate, next } = rateStep(states);
      return [fusedMomentumStep(grads, states[0] as TraceState, variables, { decay: first.decay, nesterov: first.nesterov, rate }), next];
    };
  }
  if (f.length === 2 && first?.kind === 'scaleByRms') {
    return (grads, state, variables) => {
      if (!hasKernel(rmspropUpdate)) return undefined;
      const states = state as States;
      const { rate, next } = rateStep(states);
      const options = { decay: first.decay, eps: first.eps, epsInSqrt: first.epsInSqrt, rate };
      return [fusedRmspropStep(grads, states[0] as ScaleByRmsState, variables, options), next];
    };
  }
  return undefined;
}
