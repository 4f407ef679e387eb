import { describe, expect, it } from 'vitest';
import { galleryCount, heatStrength } from './evaluation-view.js';

describe('heatStrength', () => {
  it('leaves empty cells blank and spans 0.12 to 1 otherwise', () => {
    expect(heatStrength(0, 100, 'linear')).toBe(0);
    expect(heatStrength(0, 0, 'log')).toBe(0);
    expect(heatStrength(100, 100, 'linear')).toBe(1);
    expect(heatStrength(100, 100, 'log')).toBe(1);
    expect(heatStrength(1, 1000, 'linear')).toBeCloseTo(0.12 + 0.88 / 1000, 12);
  });

  it('keeps a large error large on the linear scale, and lifts rare ones on the log scale', () => {
    // 300 of 1000 reads as 0.3 of the range on the linear scale: it was 0.55 under the old square root.
    expect(heatStrength(300, 1000, 'linear')).toBeCloseTo(0.12 + 0.88 * 0.3, 12);
    expect(heatStrength(2, 1000, 'log')).toBeCloseTo(0.12 + (0.88 * Math.log(3)) / Math.log(1001), 12);
    expect(heatStrength(2, 1000, 'log')).toBeGreaterThan(heatStrength(2, 1000, 'linear'));
    // Order is kept on both scales.
    for (const scale of ['linear', 'log'] as const) expect(heatStrength(5, 100, scale)).toBeLessThan(heatStrength(6, 100, scale));
  });
});

describe('galleryCount', () => {
  it('says how many digits there are and how many are shown', () => {
    expect(galleryCount(244, 48)).toBe('244 digits (the first 48 shown)');
    expect(galleryCount(12, 12)).toBe('12 digits');
    expect(galleryCount(1, 1)).toBe('1 digit');
    expect(galleryCount(1234, 48)).toBe('1,234 digits (the first 48 shown)');
  });
});
