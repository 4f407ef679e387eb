// Fuzzes every entry point of the addon directly (no tfjs in between): a valid call with random
// sizes, then up to three mutations of it: sizes that are negative, fractional, NaN, infinite,
// huge or not numbers; arrays of the wrong type, too short or long, detached, views, shared;
// booleans, numbers and enum codes of the wrong kind; attrs that are missing, not objects,
// proxies, inherited or throwing getters; missing and extra arguments. Every call must return
// normally or throw a JavaScript Error "lab_native.<fn>: ..." (or the error a getter threw); an
// unmutated call must return, and a call with one mutation known to be bad must throw and name
// what it mutated. A crash would kill the test worker, which fails the run.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { Activation, BinaryOp, Isa } from './native-enums.js';

const loaded = loadAddon();
if (!('addon' in loaded)) throw new Error(loaded.reason);
const { addon } = loaded;
const raw = addon as unknown as Record<string, (...args: unknown[]) => unknown>;
const initial = addon.info();
afterAll(() => {
  addon.setIsa(Isa[initial.isa]);
  addon.setThreads(initial.threads);
  console.log(`addon fuzz (seed ${SEED}): ${[...calls].map(([name, t]) => `${name} ${t.returned} returned / ${t.threw} threw`).join(', ')}`);
});

const SEED = 20_251_203;
const RUNS = 1000;

// ---- What a valid call looks like ----

/** How an array's length relates to the call: at least what the sizes ask, the length every other array needs, or other rules. */
type LengthRule = 'atLeast' | 'defines' | 'other';
interface ArrayParam {
  kind: 'array';
  name: string;
  rule: LengthRule;
  /** Whether null/undefined is allowed: always ('ok'), never (undefined), or depending on other arguments ('either'). */
  nullable?: 'ok' | 'either';
}
type AttrKind = 'size' | 'size1' | 'bool' | 'number' | 'activation' | 'op';
interface AttrsParam {
  kind: 'attrs';
  keys: Record<string, { kind: AttrKind; optional?: boolean }>;
}
type Param = ArrayParam | AttrsParam;

interface Entry {
  name: string;
  params: Param[];
  /** Arguments of a valid call; arrays have exactly the length the call needs. */
  valid: fc.Arbitrary<unknown[]>;
}

const array = (name: string, rule: LengthRule = 'atLeast', nullable?: 'ok' | 'either'): ArrayParam => ({ kind: 'array', name, rule, nullable });
const filled = (n: number) => Float32Array.from({ length: n }, (_, i) => ((i * 7919) % 17) / 8 - 1);
const maybe = (present: boolean, n: number) => (present ? filled(n) : null);
const small = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 40 }) });

const matmulKeys = {
  batch: { kind: 'size' },
  m: { kind: 'size' },
  n: { kind: 'size' },
  k: { kind: 'size' },
  transposeA: { kind: 'bool' },
  transposeB: { kind: 'bool' },
  batchA: { kind: 'size1' },
  batchB: { kind: 'size1' },
  activation: { kind: 'activation' },
} as const;

const optimizerValues = fc.record({ n: fc.integer({ min: 0, max: 40 }), withParam: fc.boolean(), a: fc.double(), b: fc.double(), flag: fc.boolean() });

const convKeys = {
  batch: { kind: 'size' },
  inHeight: { kind: 'size' },
  inWidth: { kind: 'size' },
  inChannels: { kind: 'size' },
  outHeight: { kind: 'size' },
  outWidth: { kind: 'size' },
  outChannels: { kind: 'size' },
  filterHeight: { kind: 'size1' },
  filterWidth: { kind: 'size1' },
  strideHeight: { kind: 'size1' },
  strideWidth: { kind: 'size1' },
  dilationHeight: { kind: 'size1' },
  dilationWidth: { kind: 'size1' },
  padTop: { kind: 'size' },
  padLeft: { kind: 'size' },
} as const;
const tiny = (max: number) => fc.integer({ min: 0, max });
const positive = (max: number) => fc.integer({ min: 1, max });
/** Convolution sizes: any output size is valid (taps outside the input read zeros). */
const convSizes = fc.record({
  batch: tiny(3),
  inHeight: tiny(6),
  inWidth: tiny(6),
  inChannels: tiny(4),
  outHeight: tiny(6),
  outWidth: tiny(6),
  outChannels: tiny(4),
  filterHeight: positive(4),
  filterWidth: positive(4),
  strideHeight: positive(3),
  strideWidth: positive(3),
  dilationHeight: positive(2),
  dilationWidth: positive(2),
  padTop: tiny(3),
  padLeft: tiny(3),
});
type ConvSizes = typeof convSizes extends fc.Arbitrary<infer T> ? T : never;
const convX = (s: ConvSizes) => s.batch * s.inHeight * s.inWidth * s.inChannels;
const convFilter = (s: ConvSizes) => s.filterHeight * s.filterWidth * s.inChannels * s.outChannels;
const convY = (s: ConvSizes) => s.batch * s.outHeight * s.outWidth * s.outChannels;
const poolKeys = {
  batch: { kind: 'size' },
  inHeight: { kind: 'size' },
  inWidth: { kind: 'size' },
  channels: { kind: 'size' },
  outHeight: { kind: 'size' },
  outWidth: { kind: 'size' },
  filterHeight: { kind: 'size1' },
  filterWidth: { kind: 'size1' },
  strideHeight: { kind: 'size1' },
  strideWidth: { kind: 'size1' },
  padTop: { kind: 'size' },
  padLeft: { kind: 'size' },
} as const;
const poolSizes = fc.record({
  batch: tiny(3),
  inHeight: tiny(6),
  inWidth: tiny(6),
  channels: tiny(4),
  outHeight: tiny(6),
  outWidth: tiny(6),
  filterHeight: positive(4),
  filterWidth: positive(4),
  strideHeight: positive(3),
  strideWidth: positive(3),
  padTop: tiny(3),
  padLeft: tiny(3),
});
type PoolSizes = typeof poolSizes extends fc.Arbitrary<infer T> ? T : never;
const poolX = (s: PoolSizes) => s.batch * s.inHeight * s.inWidth * s.channels;
const poolY = (s: PoolSizes) => s.batch * s.outHeight * s.outWidth * s.channels;

const entries: Entry[] = [
  {
    name: 'matmul',
    params: [array('a'), array('b'), array('out'), array('bias', 'other', 'ok'), { kind: 'attrs', keys: matmulKeys }],
    valid: fc
      .record({
        batch: fc.integer({ min: 0, max: 3 }),
        m: small,
        n: small,
        k: small,
        transposeA: fc.boolean(),
        transposeB: fc.boolean(),
        broadcastA: fc.boolean(),
        broadcastB: fc.boolean(),
        activation: fc.constantFrom(Activation.linear, Activation.relu),
        bias: fc.constantFrom('none', 'one', 'n'),
      })
      .map(({ batch, m, n, k, transposeA, transposeB, broadcastA, broadcastB, activation, bias }) => {
        const [batchA, batchB] = [broadcastA ? 1 : Math.max(batch, 1), broadcastB ? 1 : Math.max(batch, 1)];
        const biasLength = bias === 'one' || (bias === 'n' && n === 0) ? 1 : n;
        return [
          filled(batchA * m * k),
          filled(batchB * k * n),
          filled(batch * m * n),
          bias === 'none' ? null : filled(biasLength),
          { batch, m, n, k, transposeA, transposeB, batchA, batchB, activation },
        ];
      }),
  },
  {
    name: 'denseBackward',
    params: [
      array('x'),
      array('w'),
      array('y'),
      array('dy'),
      array('dw'),
      array('db', 'atLeast', 'ok'),
      array('dx', 'atLeast', 'ok'),
      { kind: 'attrs', keys: { rows: { kind: 'size' }, inputs: { kind: 'size' }, outputs: { kind: 'size' }, activation: { kind: 'activation' } } },
    ],
    valid: fc
      .record({ rows: small, inputs: small, outputs: small, relu: fc.boolean(), db: fc.boolean(), dx: fc.boolean() })
      .map(({ rows, inputs, outputs, relu, db, dx }) => [
        filled(rows * inputs),
        filled(inputs * outputs),
        filled(rows * outputs),
        filled(rows * outputs),
        filled(inputs * outputs),
        maybe(db, outputs),
        maybe(dx, rows * inputs),
        { rows, inputs, outputs, activation: relu ? Activation.relu : Activation.linear },
      ]),
  },
  {
    name: 'softmaxCrossEntropy',
    params: [
      array('logits'),
      array('labels'),
      array('loss'),
      array('grad'),
      { kind: 'attrs', keys: { rows: { kind: 'size' }, cols: { kind: 'size' }, scale: { kind: 'number', optional: true } } },
    ],
    valid: fc
      .record({ rows: small, cols: small, scale: fc.option(fc.double(), { nil: undefined }) })
      .map(({ rows, cols, scale }) => [filled(rows * cols), filled(rows * cols), filled(rows), filled(rows * cols), { rows, cols, scale }]),
  },
  {
    name: 'adamUpdate',
    params: [
      array('g', 'defines'),
      array('m'),
      array('v'),
      array('param', 'atLeast', 'either'),
      array('out'),
      array('mOut'),
      array('vOut'),
      {
        kind: 'attrs',
        keys: {
          beta1: { kind: 'number' },
          beta2: { kind: 'number' },
          stepScale: { kind: 'number' },
          epsHat: { kind: 'number' },
          scale: { kind: 'number' },
          weightDecay: { kind: 'number' },
        },
      },
    ],
    valid: optimizerValues.map(({ n, withParam, a, b, flag }) => [
      filled(n),
      filled(n),
      filled(n),
      maybe(withParam, n),
      filled(n),
      filled(n),
      filled(n),
      { beta1: a, beta2: b, stepScale: 0.5, epsHat: 1e-7, scale: -0.01, weightDecay: withParam && flag ? 0.01 : 0 },
    ]),
  },
  {
    name: 'momentumUpdate',
    params: [
      array('g', 'defines'),
      array('trace'),
      array('param', 'atLeast', 'ok'),
      array('out'),
      array('traceOut'),
      { kind: 'attrs', keys: { decay: { kind: 'number' }, nesterov: { kind: 'bool' }, scale: { kind: 'number' } } },
    ],
    valid: optimizerValues.map(({ n, withParam, a, b, flag }) => [
      filled(n),
      filled(n),
      maybe(withParam, n),
      filled(n),
      filled(n),
      { decay: a, nesterov: flag, scale: b },
    ]),
  },
  {
    name: 'rmspropUpdate',
    params: [
      array('g', 'defines'),
      array('nu'),
      array('mu', 'atLeast', 'either'),
      array('param', 'atLeast', 'ok'),
      array('out'),
      array('nuOut'),
      array('muOut', 'atLeast', 'either'),
      { kind: 'attrs', keys: { decay: { kind: 'number' }, epsilon: { kind: 'number' }, epsInSqrt: { kind: 'bool' }, scale: { kind: 'number' } } },
    ],
    valid: fc
      .tuple(optimizerValues, fc.boolean())
      .map(([{ n, withParam, a, b, flag }, centered]) => [
        filled(n),
        filled(n),
        maybe(centered, n),
        maybe(withParam, n),
        filled(n),
        filled(n),
        maybe(centered, n),
        { decay: a, epsilon: 1e-7, epsInSqrt: flag, scale: b },
      ]),
  },
  {
    name: 'sgdUpdate',
    params: [array('g', 'defines'), array('param', 'atLeast', 'ok'), array('out'), { kind: 'attrs', keys: { scale: { kind: 'number' } } }],
    valid: optimizerValues.map(({ n, withParam, a }) => [filled(n), maybe(withParam, n), filled(n), { scale: a }]),
  },
  {
    name: 'binary',
    params: [array('a', 'other'), array('b', 'other'), array('out', 'other'), { kind: 'attrs', keys: { op: { kind: 'op' } } }],
    valid: fc
      .record({
        rows: fc.integer({ min: 0, max: 6 }),
        cols: fc.integer({ min: 1, max: 8 }),
        a: fc.constantFrom('full', 'row', 'scalar'),
        b: fc.constantFrom('full', 'row', 'scalar'),
        op: fc.constantFrom(...Object.values(BinaryOp)),
      })
      .map(({ rows, cols, a, b, op }) => {
        const length = (shape: string) => (shape === 'full' ? rows * cols : shape === 'row' ? cols : 1);
        return [filled(length(a)), filled(length(b)), filled(rows * cols), { op }];
      }),
  },
  {
    name: 'step',
    params: [array('x', 'other'), array('out'), { kind: 'attrs', keys: { alpha: { kind: 'number' } } }],
    valid: fc.record({ n: fc.integer({ min: 0, max: 40 }), alpha: fc.double() }).map(({ n, alpha }) => [filled(n), filled(n), { alpha }]),
  },
  {
    name: 'columnSums',
    params: [array('x'), array('out'), { kind: 'attrs', keys: { rows: { kind: 'size' }, cols: { kind: 'size' } } }],
    valid: fc.record({ rows: small, cols: small }).map(({ rows, cols }) => [filled(rows * cols), filled(cols), { rows, cols }]),
  },
  {
    name: 'conv2d',
    params: [array('x'), array('filter'), array('bias', 'other', 'ok'), array('out'), { kind: 'attrs', keys: { ...convKeys, activation: { kind: 'activation' } } }],
    valid: fc
      .record({ s: convSizes, relu: fc.boolean(), bias: fc.constantFrom('none', 'one', 'n') })
      .map(({ s, relu, bias }) => [
        filled(convX(s)),
        filled(convFilter(s)),
        bias === 'none' ? null : filled(bias === 'one' || s.outChannels === 0 ? 1 : s.outChannels),
        filled(convY(s)),
        { ...s, activation: relu ? Activation.relu : Activation.linear },
      ]),
  },
  {
    name: 'conv2dBackpropInput',
    params: [array('dy'), array('filter'), array('dx'), { kind: 'attrs', keys: convKeys }],
    valid: convSizes.map((s) => [filled(convY(s)), filled(convFilter(s)), filled(convX(s)), s]),
  },
  {
    name: 'conv2dBackpropFilter',
    params: [array('x'), array('dy'), array('dfilter'), { kind: 'attrs', keys: convKeys }],
    valid: convSizes.map((s) => [filled(convX(s)), filled(convY(s)), filled(convFilter(s)), s]),
  },
  {
    name: 'maxPool',
    params: [array('x'), array('out'), { kind: 'attrs', keys: poolKeys }],
    valid: poolSizes.map((s) => [filled(poolX(s)), filled(poolY(s)), s]),
  },
  {
    name: 'avgPool',
    params: [array('x'), array('out'), { kind: 'attrs', keys: poolKeys }],
    valid: poolSizes.map((s) => [filled(poolX(s)), filled(poolY(s)), s]),
  },
  {
    name: 'maxPoolGrad',
    params: [array('x'), array('dy'), array('dx'), { kind: 'attrs', keys: poolKeys }],
    valid: poolSizes.map((s) => [filled(poolX(s)), filled(poolY(s)), filled(poolX(s)), s]),
  },
  {
    name: 'avgPoolGrad',
    params: [array('dy'), array('dx'), { kind: 'attrs', keys: poolKeys }],
    valid: poolSizes.map((s) => [filled(poolY(s)), filled(poolX(s)), s]),
  },
];

// ---- Mutations ----

/** ok: the call must still return; bad: it must throw (naming `blame`); either: anything but a crash. */
type Verdict = 'ok' | 'bad' | 'either';
interface Applied {
  verdict: Verdict;
  /** How a single bad mutation's message must go on after "lab_native.<fn>: ". */
  blame?: string;
  /** What it must mention, where the argument it blames is another one. */
  mentions?: string;
  /** The error a getter or proxy trap throws, which the call may pass on. */
  thrown?: unknown;
}
type Mutation =
  | { on: 'array'; pick: number; variant: number; extra: number }
  | { on: 'attr'; pick: number; variant: number }
  | { on: 'attrs'; variant: number; pick: number }
  | { on: 'arity'; drop: boolean; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ on: fc.constant('array' as const), pick: fc.nat(), variant: fc.nat(), extra: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ on: fc.constant('attr' as const), pick: fc.nat(), variant: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ on: fc.constant('attrs' as const), variant: fc.nat(), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ on: fc.constant('arity' as const), drop: fc.boolean(), count: fc.integer({ min: 1, max: 3 }) }) },
);

/** Values that are not arrays the addon accepts, each with its length-ish size. */
const notFloat32 = (n: number): unknown[] => [
  new Float64Array(n),
  new Int32Array(n),
  new Uint8Array(n * 4),
  Array.from({ length: n }, () => 0),
  new ArrayBuffer(n * 4),
  new DataView(new ArrayBuffer(n * 4)),
  3,
  'float32',
  {},
  true,
  10n,
  Symbol('array'),
  () => 0,
];

function detached(n: number): Float32Array {
  const a = new Float32Array(n);
  structuredClone(a.buffer, { transfer: [a.buffer] });
  return a;
}

/** Sizes that are never valid, then ones that are valid but huge or changed (whose effect depends on the rest). */
const badSizes: unknown[] = [-1, -7, -(2 ** 31), Number.NaN, 0.5, 2.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 31, 2 ** 53, 1e308, '3', null, true, {}, [], 3n];
const oddSizes: unknown[] = [2 ** 31 - 1, 2 ** 30, -0, 0, 1];
const notBooleans: unknown[] = [0, 1, 'true', null, {}, Number.NaN];
const notNumbers: unknown[] = ['1', null, true, {}, [], 1n];
const oddNumbers: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e39, 5e-324, -1e308];
const notCodes: unknown[] = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null, true, {}];
/** Codes past each enum's last value. */
const badCodes = { activation: [...notCodes, 2, 7], op: [...notCodes, 7, 100] };

/** The properties of an attrs object, its inherited ones included (a spread copies own ones only). */
function flat(attrs: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in attrs as object) copy[key] = (attrs as Record<string, unknown>)[key];
  return copy;
}

/** Attrs objects this test made throw when read: they are not copied or spread again. */
const hostile = new WeakSet<object>();

function applyMutation(entry: Entry, args: unknown[], m: Mutation): Applied {
  const attrsIndex = entry.params.findIndex((p) => p.kind === 'attrs');
  const attrsParam = entry.params[attrsIndex] as AttrsParam;
  if (m.on === 'arity') {
    if (m.drop) args.splice(Math.max(0, args.length - m.count));
    else args.push(...Array.from({ length: m.count }, (_, i) => (i === 0 ? null : i)));
    return { verdict: 'bad', blame: 'expected ' };
  }
  if (m.on === 'array') {
    const indices = entry.params.flatMap((p, i) => (p.kind === 'array' ? [i] : []));
    const index = indices[m.pick % indices.length]!;
    const param = entry.params[index] as ArrayParam;
    const current = args[index];
    const length = current instanceof Float32Array ? current.length : 0;
    const wrong = notFloat32(length);
    const variants = 6 + wrong.length;
    const v = m.variant % variants;
    const blame = `${param.name} `;
    if (v === 0) {
      // Shorter by one.
      if (!(current instanceof Float32Array) || length === 0) return { verdict: 'ok' };
      args[index] = filled(length - 1);
      return param.rule === 'atLeast' ? { verdict: 'bad', blame } : param.rule === 'defines' ? { verdict: 'ok' } : { verdict: 'either' };
    }
    if (v === 1) {
      // Longer.
      args[index] = filled(length + m.extra);
      if (!(current instanceof Float32Array)) return { verdict: 'either' };
      if (param.rule === 'defines') return { verdict: 'bad', mentions: "g's length" };
      return { verdict: param.rule === 'atLeast' ? 'ok' : 'either' };
    }
    if (v === 2) {
      // Null or undefined.
      args[index] = m.extra === 1 ? undefined : null;
      if (current === null) return { verdict: 'ok' };
      return param.nullable === 'ok' ? { verdict: 'ok' } : param.nullable === 'either' ? { verdict: 'either' } : { verdict: 'bad', blame };
    }
    if (v === 3) {
      // Detached: a Float32Array of length 0 whose memory is gone.
      args[index] = detached(length);
      if (!(current instanceof Float32Array)) return { verdict: 'either' };
      return length === 0 ? { verdict: 'ok' } : { verdict: param.rule === 'atLeast' ? 'bad' : 'either', blame };
    }
    if (v === 4) {
      // A view into a larger buffer, at an offset.
      if (!(current instanceof Float32Array)) return { verdict: 'ok' };
      args[index] = new Float32Array(new ArrayBuffer((length + 5) * 4), 12, length);
      return { verdict: 'ok' };
    }
    if (v === 5) {
      // Memory a worker could share.
      if (!(current instanceof Float32Array)) return { verdict: 'ok' };
      args[index] = new Float32Array(new SharedArrayBuffer(Math.max(length, 1) * 4), 0, length);
      return { verdict: 'ok' };
    }
    args[index] = wrong[v - 6];
    return { verdict: 'bad', blame };
  }
  const attrs = args[attrsIndex];
  if (m.on === 'attrs') {
    const keys = Object.keys(attrsParam.keys);
    const key = keys[m.pick % keys.length]!;
    const thrown = new Error(`getter of ${key}`);
    const replaceable = typeof attrs === 'object' && attrs !== null && !hostile.has(attrs);
    const variants: (() => Applied)[] = [
      ...[null, undefined, 3, 'attrs', true, 1n, () => attrs].map((value) => () => {
        args[attrsIndex] = value;
        return { verdict: 'bad', blame: 'attrs must be an object' } as Applied;
      }),
      () => {
        // An array has none of the keys (softmaxCrossEntropy and every other entry point need some).
        args[attrsIndex] = [1, 2, 3];
        return { verdict: 'bad', blame: 'attrs.' };
      },
      () => {
        args[attrsIndex] = { ...flat(attrs), extra: 1, [Symbol('s')]: 2, 0: 'zero' };
        return { verdict: 'ok' };
      },
      () => {
        args[attrsIndex] = Object.create(attrs as object);
        return { verdict: 'ok' };
      },
      () => {
        args[attrsIndex] = Object.freeze({ ...flat(attrs) });
        return { verdict: 'ok' };
      },
      () => {
        args[attrsIndex] = new Proxy(attrs as object, {});
        return { verdict: 'ok' };
      },
      () => {
        const object = Object.defineProperty({ ...flat(attrs) }, key, {
          get() {
            throw thrown;
          },
        });
        hostile.add(object);
        args[attrsIndex] = object;
        return { verdict: 'bad', thrown };
      },
      () => {
        const proxy = new Proxy(attrs as object, {
          get() {
            throw thrown;
          },
        });
        hostile.add(proxy);
        args[attrsIndex] = proxy;
        return { verdict: 'bad', thrown };
      },
    ];
    const variant = m.variant % variants.length;
    // The first eight replace the object; the others build on it, which needs one.
    if (variant >= 8 && !replaceable) return { verdict: 'either' };
    return variants[variant]!();
  }
  // One attr.
  if (typeof attrs !== 'object' || attrs === null || hostile.has(attrs) || Array.isArray(attrs) || Object.getPrototypeOf(attrs) !== Object.prototype) {
    return { verdict: 'either' }; // an earlier mutation replaced the object
  }
  const record = attrs as Record<string, unknown>;
  const keys = Object.keys(attrsParam.keys);
  const key = keys[m.pick % keys.length]!;
  // A frozen copy or a getter (from an earlier mutation) cannot be changed.
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  if (Object.isFrozen(record) || (descriptor && !(descriptor.writable && descriptor.configurable))) return { verdict: 'either' };
  const { kind, optional } = attrsParam.keys[key]!;
  const blame = `attrs.${key} `;
  const set = (values: unknown[], verdict: Verdict): Applied => {
    record[key] = values[m.variant % values.length];
    return { verdict, blame };
  };
  if (m.variant % 5 === 0) {
    delete record[key];
    return optional ? { verdict: 'ok' } : { verdict: 'bad', blame };
  }
  if (kind === 'size' || kind === 'size1') {
    if (m.variant % 5 === 1) return set(oddSizes, 'either');
    return set(kind === 'size1' ? [...badSizes, 0, -0] : badSizes, 'bad');
  }
  if (kind === 'bool') return set(notBooleans, 'bad');
  if (kind === 'number') {
    if (m.variant % 5 === 1) return set(oddNumbers, 'either');
    if (optional && m.variant % 5 === 2) return set([undefined], 'ok');
    return set(notNumbers, 'bad');
  }
  return set(kind === 'activation' ? badCodes.activation : badCodes.op, 'bad');
}

// ---- The property ----

const calls = new Map<string, { returned: number; threw: number }>();

function callAndCheck(entry: Entry, args: unknown[], applied: Applied[]): void {
  const tally = calls.get(entry.name) ?? { returned: 0, threw: 0 };
  calls.set(entry.name, tally);
  const verdicts = applied.map((a) => a.verdict);
  const describeCall = () => `${entry.name} with mutations ${JSON.stringify(applied.map((a) => [a.verdict, a.blame ?? (a.thrown ? 'getter' : '')]))}`;
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = raw[entry.name]!(...args);
  } catch (e) {
    threw = true;
    error = e;
  }
  if (!threw) {
    tally.returned++;
    expect(verdicts.includes('bad') && applied.length === 1, `${describeCall()} returned`).toBe(false);
    expect(result).toBeUndefined();
    return;
  }
  tally.threw++;
  expect(verdicts.every((v) => v === 'ok'), `${describeCall()} threw ${String(error)}`).toBe(false);
  if (applied.some((a) => a.thrown === error)) return; // what a getter threw, passed on
  expect(error).toBeInstanceOf(Error);
  const { name, message } = error as Error;
  expect(['TypeError', 'RangeError']).toContain(name);
  expect(message.startsWith(`lab_native.${entry.name}: `), message).toBe(true);
  // The message names an argument, an attr or the argument count.
  const names = entry.params.flatMap((p) => (p.kind === 'array' ? [p.name] : ['attrs', ...Object.keys(p.keys).map((k) => `attrs.${k}`)]));
  expect(names.some((n) => message.includes(n)) || message.includes('arguments'), message).toBe(true);
  if (applied.length === 1 && applied[0]!.verdict === 'bad') {
    const { blame, mentions, thrown } = applied[0]!;
    if (thrown) expect(error, describeCall()).toBe(thrown);
    if (blame) expect(message.startsWith(`lab_native.${entry.name}: ${blame}`), `${describeCall()}: ${message}`).toBe(true);
    if (mentions) expect(message, describeCall()).toContain(mentions);
  }
}

describe('the addon under fuzzing', () => {
  for (const entry of entries) {
    it(`${entry.name}: returns or throws a clear JS error, never crashes`, () => {
      fc.assert(
        fc.property(entry.valid, fc.array(mutation, { maxLength: 3 }), (valid, mutations) => {
          // fast-check reuses generated values (when shrinking): mutate a copy of the attrs.
          const args = valid.map((v) => (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) ? { ...v } : v));
          const applied = mutations.map((m) => applyMutation(entry, args, m));
          callAndCheck(entry, args, applied);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      const tally = calls.get(entry.name)!;
      // Both outcomes are exercised.
      expect(tally.returned).toBeGreaterThan(RUNS / 10);
      expect(tally.threw).toBeGreaterThan(RUNS / 10);
    });
  }

  it('info, setIsa and setThreads: valid arguments work, others throw a clear JS error', () => {
    const anything = fc.oneof(
      fc.integer({ min: -3, max: 70 }),
      fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, 0.5, 2 ** 31, -0, 'avx2', 'generic', null, undefined, true, {}, [], 1n),
    );
    fc.assert(
      fc.property(fc.constantFrom('info', 'setIsa', 'setThreads'), fc.array(anything, { maxLength: 3 }), (name, args) => {
        const valid =
          name === 'info'
            ? args.length === 0
            : args.length === 1 &&
              typeof args[0] === 'number' &&
              Number.isInteger(args[0]) &&
              (name === 'setIsa' ? Object.values(Isa).includes(args[0] as never) : args[0] >= 1 && args[0] <= 2 ** 31 - 1);
        try {
          const result = raw[name]!(...args);
          expect(valid, `${name}(${args.map(String).join(', ')}) returned`).toBe(true);
          if (name === 'setIsa') expect(typeof result).toBe('boolean');
          if (name === 'info') expect(Object.keys(result as object)).toEqual(['isa', 'detectedIsa', 'threads']);
        } catch (error) {
          expect(valid, `${name}(${args.map(String).join(', ')}) threw ${String(error)}`).toBe(false);
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(new RegExp(`^lab_native\\.${name}: (expected \\d arguments? \\(|isa must be |threads must be )`));
        } finally {
          addon.setIsa(Isa[initial.isa]);
          addon.setThreads(initial.threads);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
