import { describe, expect, it } from 'vitest';
import { shorten } from './cli.js';

describe('shorten: an error message as one line of a few hundred characters', () => {
  it('joins the lines of a message and leaves a short one as it is', () => {
    expect(shorten('a.csv: line 3\n   column 2 is empty')).toBe('a.csv: line 3 column 2 is empty');
    expect(shorten('x'.repeat(400))).toBe('x'.repeat(400));
  });

  it('cuts a long one, saying how much it left out', () => {
    const cut = shorten(`bad cell: ${'y'.repeat(1_000_000)}`);
    expect(cut.length).toBeLessThanOrEqual(400);
    expect(cut).toMatch(/^bad cell: y+ … \(999650 more characters\)$/);
  });
});
