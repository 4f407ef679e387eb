import { describe, expect, it } from 'vitest';
import { BOX, centerByMass, FRAME, type GreyImage, inkBox } from './center-by-mass.js';

/** A `size × size` black image with the rectangle [x, x + w) × [y, y + h) filled with `value`. */
function rect(size: number, x: number, y: number, w: number, h: number, value = 255): GreyImage {
  const pixels = new Uint8Array(size * size);
  for (let r = y; r < y + h; r++) pixels.fill(value, r * size + x, r * size + x + w);
  return { width: size, height: size, pixels };
}

function centreOfMass(pixels: Uint8Array): [number, number] {
  let [m, mx, my] = [0, 0, 0];
  pixels.forEach((v, i) => {
    m += v;
    mx += (i % FRAME) * v;
    my += Math.floor(i / FRAME) * v;
  });
  return [mx / m, my / m];
}

describe('centerByMass', () => {
  it('gives all zeros for an empty drawing', () => {
    expect(centerByMass(rect(280, 0, 0, 0, 0)).every((v) => v === 0)).toBe(true);
  });

  it('moves a digit drawn in a corner to the centre of the 28 × 28 frame', () => {
    const out = centerByMass(rect(280, 10, 20, 60, 100));
    expect(out).toHaveLength(FRAME * FRAME);
    const [cx, cy] = centreOfMass(out);
    expect(Math.abs(cx - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 13.5)).toBeLessThanOrEqual(0.5);
  });

  it('scales the ink to fit a 20 × 20 box, keeping its aspect ratio', () => {
    const out = centerByMass(rect(280, 100, 30, 40, 200));
    const box = inkBox({ width: FRAME, height: FRAME, pixels: out })!;
    expect(box.height).toBe(BOX);
    expect(box.width).toBe(4); // 40 / 200 of 20
    expect(Math.max(...out)).toBe(255);
  });

  it('puts the mass where the ink is heavy, not at the box centre', () => {
    // An L: a tall bar with a foot to the right; the mass leans left, so the box shifts right.
    const image = rect(100, 10, 10, 10, 80);
    for (let r = 80; r < 90; r++) (image.pixels as Uint8Array).fill(255, r * 100 + 10, r * 100 + 90);
    const out = centerByMass(image);
    const box = inkBox({ width: FRAME, height: FRAME, pixels: out })!;
    expect(box.x + box.width / 2).toBeGreaterThan(14);
    const [cx] = centreOfMass(out);
    expect(Math.abs(cx - 13.5)).toBeLessThanOrEqual(0.5);
  });

  it('scales a tiny drawing up', () => {
    const out = centerByMass(rect(280, 140, 140, 2, 2));
    expect(inkBox({ width: FRAME, height: FRAME, pixels: out })).toMatchObject({ width: BOX, height: BOX });
  });
});
