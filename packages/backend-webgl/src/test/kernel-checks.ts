// What the check page runs: every kernel this package registers, on webgl, against its @lab/core
// contract's reference composite on tfjs's cpu backend, with the same inputs, in the same page.
import {
  adamUpdate,
  denseBackward,
  hasKernel,
  type KernelContract,
  type KernelInputs,
  labKernels,
  runKernel,
  sgdUpdate,
  softmaxCrossEntropy,
  type TensorsOf,
} from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';

/** One output of one case: the webgl kernel's numbers against the reference's. */
export interface KernelCheck {
  /** The kernel's registered name (the contract's `name`). */
  kernel: string;
  /** The case and the output, e.g. `with param [784, 128]: m`. */
  name: string;
  shape: number[];
  /** Largest |got − want| / (1 + |want|) over the elements; Infinity where exactly one is NaN. */
  error: number;
}

/** What {@link runKernelChecks} found. */
export interface KernelCheckReport {
  /** The backend the kernels ran on, and the one the references ran on. */
  backend: string;
  referenceBackend: string;
  /** The contracts that have a webgl kernel, and those the checks ran: these must be equal. */
  implemented: string[];
  checked: string[];
  checks: KernelCheck[];
  /** Where the kernel's and the reference's outputs differ in number or shape, one line each. */
  mismatches: string[];
  /** Tensors and webgl data left over by the kernel runs and bad calls (0 and 0 when nothing leaked). */
  leakedTensors: number;
  leakedDataIds: number;
  /** Tensors left over by the reference runs. */
  leakedReferenceTensors: number;
  /** The error each bad call threw, in order (the calls are listed in the test), or 'no error'. */
  errors: string[];
}

/** A tensor's contents, kept in JavaScript so that one case runs on both backends. */
interface Host {
  shape: number[];
  values: Float32Array;
}

/** One call of a kernel, runnable on the active backend either as the kernel or as the reference. */
interface Case {
  kernel: string;
  label: string;
  /** The outputs names, in the contract's order (`dBias?` only where present). */
  outputs: string[];
  run(): tf.Tensor[];
  reference(): tf.Tensor[];
}

// Deterministic values in [-1, 1) (a linear congruential generator: no tfjs randomness involved).
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const host = (shape: number[], seed: number, map: (x: number, i: number) => number = (x) => x): Host => ({
  shape,
  values: values(size(shape), seed).map(map),
});

/**
 * A case of `contract`: `inputs` become tensors on the active backend for each run. `follow`
 * (optional) computes more from the outputs with tfjs ops, on both sides: a product that reads a
 * webgl output's padding, say.
 */
function makeCase<Inputs extends KernelInputs, Attrs extends object>(
  contract: KernelContract<Inputs, Attrs>,
  label: string,
  inputs: { [K in keyof Inputs]: Host | undefined },
  attrs: Attrs,
  outputs: string[],
  follow?: (outs: tf.Tensor[]) => tf.Tensor[],
): Case {
  const call = (f: (tensors: TensorsOf<Inputs>) => tf.Tensor[]) => {
    const tensors = Object.fromEntries(
      Object.entries(inputs).map(([key, value]) => [key, value === undefined ? undefined : tf.tensor(value.values, value.shape, 'float32')]),
    ) as TensorsOf<Inputs>;
    const made = Object.values(tensors).filter((t): t is tf.Tensor => t !== undefined);
    try {
      const outs = f(tensors);
      if (!follow) return outs;
      const more = tf.tidy(() => follow(outs));
      return [...outs, ...more];
    } finally {
      tf.dispose(made);
    }
  };
  return {
    kernel: contract.name,
    label,
    outputs,
    run: () => call((tensors) => runKernel(contract, tensors as unknown as Inputs, attrs)),
    reference: () => call((tensors) => contract.reference(tensors, attrs)),
  };
}

function adamCases(): Case[] {
  const cases: Case[] = [];
  for (const [shape, seed] of [[[3, 5], 1], [[7], 2], [[784, 128], 3], [[10], 4], [[], 5]] as [number[], number][]) {
    const [grad, m, param] = [host(shape, seed), host(shape, seed + 1), host(shape, seed + 3)];
    const v = host(shape, seed + 2, Math.abs);
    const base = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 3 };
    const outputs = ['out', 'm', 'v'];
    cases.push(makeCase(adamUpdate, `direction [${shape}]`, { grad, m, v, param: undefined }, { ...base, scale: 1 }, outputs));
    cases.push(makeCase(adamUpdate, `with param [${shape}]`, { grad, m, v, param }, { ...base, scale: -0.01, inPlace: true }, outputs));
    cases.push(makeCase(adamUpdate, `with weight decay [${shape}]`, { grad, m, v, param }, { ...base, count: 1, scale: -0.01, weightDecay: 0.01 }, outputs));
  }
  return cases;
}

function sgdCases(): Case[] {
  return [[3, 5], [7], [784, 128], []].flatMap((shape, i) => {
    const [grad, param] = [host(shape, 10 + i), host(shape, 20 + i)];
    return [
      makeCase(sgdUpdate, `with param [${shape}]`, { grad, param }, { scale: -0.1 }, ['out']),
      makeCase(sgdUpdate, `without param [${shape}]`, { grad, param: undefined }, { scale: 0.5, inPlace: true }, ['out']),
    ];
  });
}

function softmaxCases(): Case[] {
  const oneHot = (rows: number, cols: number): Host => ({
    shape: [rows, cols],
    values: Float32Array.from({ length: rows * cols }, (_, i) => (Math.floor(i / cols) * 7) % cols === i % cols ? 1 : 0),
  });
  const soft = (rows: number, cols: number, seed: number, total: number): Host => {
    const raw = host([rows, cols], seed, (x) => Math.exp(x));
    for (let r = 0; r < rows; r++) {
      const row = raw.values.subarray(r * cols, (r + 1) * cols);
      const sum = row.reduce((a, b) => a + b, 0);
      row.set(row.map((x) => (x / sum) * total));
    }
    return raw;
  };
  const cases: [string, number, number, Host][] = [
    ['one-hot labels', 5, 3, oneHot(5, 3)],
    ['one-hot labels', 64, 10, oneHot(64, 10)],
    ['soft labels', 7, 10, soft(7, 10, 31, 1)],
    ['labels summing to 2', 3, 4, soft(3, 4, 32, 2)],
  ];
  return cases.flatMap(([label, rows, cols, labels], i) => {
    const logits = host([rows, cols], 40 + i, (x) => 4 * x);
    // The gradient's padding must be zero: a matmul reading it (as the next layer's backward pass
    // does) then gives the exact product.
    const h = host([rows, 5], 50 + i);
    const product = (outs: tf.Tensor[]) => [tf.matMul(tf.tensor(h.values, h.shape), outs[1]!, true, false)];
    const outputs = ['loss', 'dLogits', 'hᵀ · dLogits'];
    return [
      makeCase(softmaxCrossEntropy, `${label} [${rows}, ${cols}]`, { logits, labels }, { scale: 1 / rows }, outputs, product),
      makeCase(softmaxCrossEntropy, `${label} [${rows}, ${cols}], default scale`, { logits, labels }, {}, outputs, product),
    ];
  });
}

function denseCases(): Case[] {
  const cases: Case[] = [];
  const shapes: [number, number, number, number][] = [[5, 7, 3, 60], [64, 784, 128, 70], [1, 4, 1, 80]];
  for (const [rows, inUnits, outUnits, seed] of shapes) {
    const [x, kernel, dy] = [host([rows, inUnits], seed), host([inUnits, outUnits], seed + 1), host([rows, outUnits], seed + 2)];
    // A relu layer's output: about half exact zeros (relu'(0) = 0).
    const y = host([rows, outUnits], seed + 3, (v) => Math.max(0, v));
    const name = `[${rows}, ${inUnits}] → ${outUnits}`;
    for (const activation of ['relu', 'linear'] as const) {
      const given = { x, kernel, dy, y: activation === 'relu' ? y : undefined };
      cases.push(makeCase(denseBackward, `${activation} ${name}`, given, { activation, hasBias: true, inputGrad: true }, ['dKernel', 'dBias', 'dx']));
      cases.push(makeCase(denseBackward, `${activation} ${name}, dKernel alone`, given, { activation, hasBias: false, inputGrad: false }, ['dKernel']));
      cases.push(makeCase(denseBackward, `${activation} ${name}, no dBias`, given, { activation, hasBias: false, inputGrad: true }, ['dKernel', 'dx']));
    }
  }
  // NaN in the layer's output is kept through the relu mask, as tfjs's step does.
  const [x, kernel, dy] = [host([3, 2], 90), host([2, 3], 91), host([3, 3], 92)];
  const y = host([3, 3], 93, (v, i) => (i === 4 ? Number.NaN : Math.max(0, v)));
  cases.push(makeCase(denseBackward, 'relu with NaN in y', { x, kernel, dy, y }, { activation: 'relu', hasBias: true, inputGrad: true }, ['dKernel', 'dBias', 'dx']));
  return cases;
}

/** Calls that must throw, each with the message it gave (or 'no error'). */
function badCalls(): string[] {
  const a = tf.zeros([2, 3]);
  const b = tf.zeros([3, 2]);
  const c = tf.zeros([2, 2]);
  const ints = tf.zeros([2, 3], 'int32');
  const adam = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 1, scale: 1 };
  const calls: (() => tf.Tensor[])[] = [
    () => runKernel(adamUpdate, { grad: a, m: b, v: a }, adam),
    () => runKernel(adamUpdate, { grad: a, m: a, v: a }, { ...adam, count: 0 }),
    () => runKernel(adamUpdate, { grad: a, m: a, v: a }, { ...adam, weightDecay: 0.1 }),
    () => runKernel(sgdUpdate, { grad: ints }, { scale: 1 }),
    () => runKernel(softmaxCrossEntropy, { logits: a, labels: b }, {}),
    () => runKernel(denseBackward, { x: a, kernel: a, dy: a }, { activation: 'linear', hasBias: false, inputGrad: false }),
    () => runKernel(denseBackward, { x: a, kernel: b, dy: c }, { activation: 'relu', hasBias: false, inputGrad: false }),
  ];
  const messages = calls.map((call) => {
    try {
      tf.dispose(call());
      return 'no error';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  tf.dispose([a, b, c, ints]);
  return messages;
}

/** Every output of `run`, read back, then disposed. */
async function read(run: () => tf.Tensor[]): Promise<Host[]> {
  const outs = run();
  try {
    return await Promise.all(outs.map(async (t) => ({ shape: t.shape, values: (await t.data()) as Float32Array })));
  } finally {
    tf.dispose(outs);
  }
}

function relativeError(got: Float32Array, want: Float32Array): number {
  let error = 0;
  for (let i = 0; i < want.length; i++) {
    const [g, w] = [got[i]!, want[i]!];
    if (Number.isNaN(g) || Number.isNaN(w)) error = Math.max(error, Number.isNaN(g) && Number.isNaN(w) ? 0 : Number.POSITIVE_INFINITY);
    else error = Math.max(error, Math.abs(g - w) / (1 + Math.abs(w)));
  }
  return error;
}

/**
 * Runs every case on webgl (which must be available) and then its reference on cpu, and compares
 * them output by output; counts what each side left behind, and runs the bad calls on webgl.
 */
export async function runKernelChecks(): Promise<KernelCheckReport> {
  if (!(await tf.setBackend('webgl'))) throw new Error('webgl is not available in this browser');
  const cases = [...adamCases(), ...sgdCases(), ...softmaxCases(), ...denseCases()];
  const webgl = tf.backend() as unknown as { numDataIds(): number };
  const [tensorsBefore, idsBefore] = [tf.memory().numTensors, webgl.numDataIds()];
  const got: Host[][] = [];
  for (const c of cases) got.push(await read(c.run));
  const errors = badCalls();
  const [leakedTensors, leakedDataIds] = [tf.memory().numTensors - tensorsBefore, webgl.numDataIds() - idsBefore];
  const implemented = labKernels.filter((contract) => hasKernel(contract, 'webgl')).map((contract) => contract.name);

  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not start');
  const referenceBefore = tf.memory().numTensors;
  const want: Host[][] = [];
  for (const c of cases) want.push(await read(c.reference));
  const leakedReferenceTensors = tf.memory().numTensors - referenceBefore;

  const checks: KernelCheck[] = [];
  const mismatches: string[] = [];
  for (const [i, c] of cases.entries()) {
    const [g, w] = [got[i]!, want[i]!];
    if (g.length !== c.outputs.length || w.length !== c.outputs.length) {
      mismatches.push(`${c.kernel} ${c.label}: ${g.length} outputs on webgl, ${w.length} from the reference, expected ${c.outputs.length}`);
      continue;
    }
    for (const [j, output] of c.outputs.entries()) {
      const name = `${c.label}: ${output}`;
      if (g[j]!.shape.join() !== w[j]!.shape.join()) {
        mismatches.push(`${c.kernel} ${name}: shape [${g[j]!.shape}] on webgl, [${w[j]!.shape}] from the reference`);
        continue;
      }
      checks.push({ kernel: c.kernel, name, shape: w[j]!.shape, error: relativeError(g[j]!.values, w[j]!.values) });
    }
  }
  return {
    backend: 'webgl',
    referenceBackend: tf.getBackend(),
    implemented,
    checked: [...new Set(cases.map((c) => c.kernel))],
    checks,
    mismatches,
    leakedTensors,
    leakedDataIds,
    leakedReferenceTensors,
    errors,
  };
}
