import * as tf from '@tensorflow/tfjs-core';

/**
 * A lab kernel, named once: the name it is registered under, the names of its outputs, and a
 * reference composite of tfjs ops that computes it on any backend. `Inputs` and `Attrs` are its
 * typed contract; a library calls it with {@link runKernel} (or {@link callKernel}, which falls
 * back to the reference), a backend package implements it with {@link defineKernel}.
 *
 * Inputs are `tf.TensorInfo`s, so a library passes `tf.Tensor`s and a kernel receives infos.
 */
export interface KernelContract<Inputs extends KernelInputs, Attrs extends object> {
  /** The registered kernel name, e.g. `LabAdamUpdate`. */
  readonly name: string;
  /** The outputs in order; those marked `?` appear only when the attrs or inputs ask for them. */
  readonly outputs: readonly string[];
  /**
   * The formula as tfjs ops, on the active backend: the fallback where no backend kernel is
   * registered, and what every backend's kernel is tested against. Returns new tensors the caller
   * owns; intermediates are freed. Ignores `inPlace`.
   */
  readonly reference: (inputs: TensorsOf<Inputs>, attrs: Attrs) => tf.Tensor[];
}

/** The inputs of a kernel: named tensors, some optional. */
export type KernelInputs = { [name: string]: tf.TensorInfo | undefined };

/** A kernel's inputs as tensors (what a library holds). */
export type TensorsOf<Inputs extends KernelInputs> = { [K in keyof Inputs]: Inputs[K] extends tf.TensorInfo ? tf.Tensor : tf.Tensor | undefined };

/** What a backend's implementation of a contract receives. */
export interface KernelCall<Inputs extends KernelInputs, Attrs extends object, Backend> {
  inputs: Inputs;
  attrs: Attrs;
  backend: Backend;
}

/** Declares a kernel contract (in @lab/core's `kernels/` folder only: a kernel is named once). */
export function kernelContract<Inputs extends KernelInputs, Attrs extends object>(
  contract: KernelContract<Inputs, Attrs>,
): KernelContract<Inputs, Attrs> {
  return Object.freeze(contract);
}

/** Whether `backendName` (default: the active backend) registers the kernel of `contract`. */
export function hasKernel(contract: { readonly name: string }, backendName: string = tf.getBackend()): boolean {
  return tf.getKernel(contract.name, backendName) !== undefined;
}

/**
 * Runs the registered kernel of `contract` on the active backend (throws, as tfjs does, where it
 * is not registered: check with {@link hasKernel} or use {@link callKernel}). Undefined optional
 * inputs are left out. Returns the outputs as new tensors owned by the caller (tidy tracks them).
 */
export function runKernel<Inputs extends KernelInputs, Attrs extends object>(
  contract: KernelContract<Inputs, Attrs>,
  inputs: Inputs,
  attrs: Attrs,
): tf.Tensor[] {
  const present: tf.NamedTensorMap = {};
  for (const [key, value] of Object.entries(inputs)) if (value !== undefined) present[key] = value as tf.Tensor;
  const out = tf.engine().runKernel(contract.name, present, attrs as unknown as tf.NamedAttrMap);
  return Array.isArray(out) ? (out as tf.Tensor[]) : [out as tf.Tensor];
}

/** The backend's kernel where registered, else the contract's reference composite. Caller owns the outputs. */
export function callKernel<Inputs extends KernelInputs, Attrs extends object>(
  contract: KernelContract<Inputs, Attrs>,
  inputs: TensorsOf<Inputs>,
  attrs: Attrs,
): tf.Tensor[] {
  if (hasKernel(contract)) return runKernel(contract, inputs as unknown as Inputs, attrs);
  return contract.reference(inputs, attrs);
}

/**
 * A backend's implementation of `contract` as a tfjs kernel config, ready for
 * `tf.registerKernel` in that backend's package. `impl` gets typed inputs and attrs and returns the
 * outputs in the contract's order.
 */
export function defineKernel<Inputs extends KernelInputs, Attrs extends object, Backend = tf.KernelBackend>(
  contract: KernelContract<Inputs, Attrs>,
  backendName: string,
  impl: (call: KernelCall<Inputs, Attrs, Backend>) => tf.TensorInfo[],
): tf.KernelConfig {
  return {
    kernelName: contract.name,
    backendName,
    kernelFunc: (args) => impl(args as unknown as KernelCall<Inputs, Attrs, Backend>),
  };
}
