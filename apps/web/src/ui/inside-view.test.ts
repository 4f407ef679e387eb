import { describe, expect, it } from 'vitest';
import { divergingColour } from './inside-view.js';

describe('divergingColour', () => {
  it('is white at zero, pure blue at -1 and pure red at +1, clamped outside', () => {
    expect(divergingColour(0)).toEqual([255, 255, 255]);
    expect(divergingColour(-1)).toEqual([0, 0, 255]);
    expect(divergingColour(1)).toEqual([255, 0, 0]);
    expect(divergingColour(-3)).toEqual([0, 0, 255]);
    expect(divergingColour(0.5)).toEqual([255, 128, 128]);
  });
});
