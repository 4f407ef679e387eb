import { describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { Activation, BinaryOp, enumsMismatch, Isa, isaCode, nativeEnums } from './native-enums.js';

const loaded = loadAddon();
if (!('addon' in loaded)) throw new Error(loaded.reason);
const { addon } = loaded;

describe('the shared enums', () => {
  it('are the values the addon reports (addon/src/enums.h), frozen there', () => {
    expect(addon.enums).toEqual(nativeEnums);
    expect(addon.enums).toEqual({ activation: Activation, binaryOp: BinaryOp, isa: Isa });
    expect(Object.isFrozen(addon.enums)).toBe(true);
    for (const group of Object.values(addon.enums)) expect(Object.isFrozen(group)).toBe(true);
    expect(enumsMismatch(addon.enums)).toBeUndefined();
  });

  it('name the instruction set the addon reports', () => {
    const { isa } = addon.info();
    expect(addon.setIsa(Isa[isa])).toBe(true);
    expect(addon.info().isa).toBe(isa);
    expect(isaCode('avx2')).toBe(1);
    expect(isaCode('toString')).toBeUndefined();
  });

  it('tell a mismatched addon apart (loadAddon refuses one)', () => {
    expect(enumsMismatch(undefined)).toBe('it exports no enums');
    expect(enumsMismatch({ ...nativeEnums, activation: { linear: 0, relu: 2 } })).toBe('enums.activation.relu is 2 in the addon, 1 here');
    expect(enumsMismatch({ ...nativeEnums, isa: { ...Isa, avx10: 3 } })).toBe('enums.isa.avx10 is 3 in the addon, undefined here');
    expect(enumsMismatch({ activation: Activation, binaryOp: BinaryOp })).toMatch(/^enums\.isa\.generic is undefined/);
  });
});
