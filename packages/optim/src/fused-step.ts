import { adamUpdate, type KernelContract, type KernelInputs, momentumUpdate, rmspropUpdate, runKernel, sgdUpdate } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkUpdates } from './apply-updates.js';
import { checkGrads, gradFor } from './params.js';
import type { ScaleByAdamState } from './scale-by-adam.js';
import type { ScaleByRmsState } from './scale-by-rms.js';
import type { TraceState } from './trace.js';
import type { Params } from './types.js';

// Fused optimizer steps: one kernel per variable computes the new moments and the new value
// (`param + update`) and, where the backend allows, writes them over the old ones. They follow
// the composite transformations operation for operation, so both paths give the same numbers.

type Variables = Record<string, tf.Variable>;

/** Runs `contract` on one variable's gradient and state, in place; its first output becomes the variable's value. */
function stepVariable<I extends KernelInputs & { param?: tf.TensorInfo }, A extends { inPlace?: boolean }>(
  contract: KernelContract<I, A>,
  variable: tf.Variable,
  inputs: Omit<I, 'param'>,
  attrs: A,
): tf.Tensor[] {
  const [value, ...state] = runKernel(contract, { ...inputs, param: variable } as unknown as I, { ...attrs, inPlace: true });
  variable.assign(value!);
  value!.dispose();
  return state;
}

/**
 * Adam's (AdamW's) step with `LabAdamUpdate`: `param ← param − rate · (m̂ / (√v̂ + eps) + weightDecay · param)`.
 * Returns the next Adam state; the replaced moments are disposed.
 */
export function fusedAdamStep(
  grads: Params,
  state: ScaleByAdamState,
  variables: Variables,
  options: { b1: number; b2: number; eps: number; rate: number; weightDecay: number },
): ScaleByAdamState {
  checkGrads('scaleByAdam', grads, state.mu);
  checkUpdates('applyGradients', variables, grads, 'gradient');
  const count = state.count + 1;
  const attrs = { beta1: options.b1, beta2: options.b2, epsilon: options.eps, count, scale: -options.rate, weightDecay: options.weightDecay };
  const mu: Params = {};
  const nu: Params = {};
  for (const [name, previousMu] of Object.entries(state.mu)) {
    const previousNu = state.nu[name] as tf.Tensor;
    const g = gradFor(grads, name);
    if (g === undefined) {
      [mu[name], nu[name]] = [previousMu, previousNu];
      continue;
    }
    [mu[name], nu[name]] = stepVariable(adamUpdate, variables[name]!, { grad: g, m: previousMu, v: previousNu }, attrs) as [tf.Tensor, tf.Tensor];
    tf.dispose([previousMu, previousNu]);
  }
  return { count, mu, nu };
}

/** SGD's step with `LabSgdUpdate`: `param ← param − rate · grad`. */
export function fusedSgdStep(grads: Params, variables: Variables, rate: number): void {
  checkUpdates('applyGradients', variables, grads, 'gradient');
  for (const [name, g] of Object.entries(grads)) stepVariable(sgdUpdate, variables[name]!, { grad: g }, { scale: -rate });
}

/**
 * SGD with momentum (optax's `trace`, PyTorch's dampening-free momentum) with `LabMomentumUpdate`:
 * `t ← g + decay · t`, `param ← param − rate · (nesterov ? g + decay · t : t)`. Returns the next trace state.
 */
export function fusedMomentumStep(
  grads: Params,
  state: TraceState,
  variables: Variables,
  options: { decay: number; nesterov: boolean; rate: number },
): TraceState {
  checkGrads('trace', grads, state.trace);
  checkUpdates('applyGradients', variables, grads, 'gradient');
  const attrs = { decay: options.decay, nesterov: options.nesterov, scale: -options.rate };
  const next: Params = {};
  for (const [name, previous] of Object.entries(state.trace)) {
    const g = gradFor(grads, name);
    if (g === undefined) {
      next[name] = previous;
      continue;
    }
    [next[name]] = stepVariable(momentumUpdate, variables[name]!, { grad: g, trace: previous }, attrs) as [tf.Tensor];
    previous.dispose();
  }
  return { trace: next };
}

/**
 * RMSProp's step (without momentum) with `LabRmspropUpdate`:
 * `param ← param − rate · g / (epsInSqrt ? sqrt(var + eps) : sqrt(var) + eps)`, `var` the running
 * mean of g² (minus the squared running mean of g when centered). Returns the next state.
 */
export function fusedRmspropStep(
  grads: Params,
  state: ScaleByRmsState,
  variables: Variables,
  options: { decay: number; eps: number; epsInSqrt: boolean; rate: number },
): ScaleByRmsState {
  checkGrads('scaleByRms', grads, state.nu);
  checkUpdates('applyGradients', variables, grads, 'gradient');
  const attrs = { decay: options.decay, epsilon: options.eps, epsInSqrt: options.epsInSqrt, scale: -options.rate };
  const nu: Params = {};
  const mu: Params = {};
  for (const [name, previousNu] of Object.entries(state.nu)) {
    const previousMu = state.mu[name];
    const g = gradFor(grads, name);
    if (g === undefined) {
      nu[name] = previousNu;
      if (previousMu !== undefined) mu[name] = previousMu;
      continue;
    }
    const [nextNu, nextMu] = stepVariable(rmspropUpdate, variables[name]!, { grad: g, nu: previousNu, mu: previousMu }, attrs);
    nu[name] = nextNu!;
    if (nextMu !== undefined) mu[name] = nextMu;
    tf.dispose(previousMu === undefined ? [previousNu] : [previousNu, previousMu]);
  }
  return { nu, mu };
}
