// The numbers that cross the addon's boundary: a mirror of addon/src/enums.h, where they are
// defined. The addon exports them as `enums`; loadAddon() refuses an addon whose values differ
// (one built from other sources), and native-enums.test.ts checks this mirror against it.

/** The epilogue of a matmul and the activation a Dense backward pass differentiates. */
export const Activation = { linear: 0, relu: 1 } as const;
/** A value of {@link Activation}. */
export type ActivationCode = (typeof Activation)[keyof typeof Activation];

/** The addon's broadcasting binary operations. */
export const BinaryOp = { add: 0, sub: 1, mul: 2, div: 3, max: 4, min: 5, squaredDifference: 6 } as const;
/** A value of {@link BinaryOp}. */
export type BinaryOpCode = (typeof BinaryOp)[keyof typeof BinaryOp];

/** The instruction sets the kernels are compiled for, best last. */
export const Isa = { generic: 0, avx2: 1, avx512: 2 } as const;
/** An instruction set's name. */
export type NativeIsa = keyof typeof Isa;
/** A value of {@link Isa}. */
export type IsaCode = (typeof Isa)[NativeIsa];

/** Every shared enum, shaped as the addon's `enums` export. */
export const nativeEnums = { activation: Activation, binaryOp: BinaryOp, isa: Isa } as const;
/** The shape of {@link nativeEnums}. */
export type NativeEnums = typeof nativeEnums;

/** The code of instruction set `name`, or undefined for a name that is not one. */
export function isaCode(name: string): IsaCode | undefined {
  return Object.hasOwn(Isa, name) ? Isa[name as NativeIsa] : undefined;
}

/** Where `enums` (the addon's export) differs from {@link nativeEnums}, or undefined where it does not. */
export function enumsMismatch(enums: unknown): string | undefined {
  if (typeof enums !== 'object' || enums === null) return 'it exports no enums';
  const groups = enums as Record<string, unknown>;
  for (const group of new Set([...Object.keys(nativeEnums), ...Object.keys(groups)])) {
    const want: Record<string, number> = Object.hasOwn(nativeEnums, group) ? nativeEnums[group as keyof NativeEnums] : {};
    const value = groups[group];
    const got = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
      if (want[key] !== got[key]) return `enums.${group}.${key} is ${String(got[key])} in the addon, ${String(want[key])} here`;
    }
  }
  return undefined;
}
