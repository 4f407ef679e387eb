import { runReadmeExample } from '@lab/testing';
import { describe, expect, it } from 'vitest';

// The README's first example, run as written (its import of this package pointed at the sources,
// @lab/optim resolved as a user's install resolves it): each `// → text` comment is a line it must
// print, and it must leave no tensor behind.
describe('README', () => {
  it('runs its example and prints what its comments say', async () => {
    const { printed, expected, leakedTensors } = await runReadmeExample({
      readme: new URL('../README.md', import.meta.url),
      replace: { '@lab/models': new URL('./index.ts', import.meta.url) },
    });
    expect(printed).toEqual(expected);
    expect(expected).toHaveLength(2);
    expect(printed[0]).toBe('50');
    // Trained to a perfect fit: accuracy 1 and a loss under 0.1.
    const [, loss, accuracy] = /^\{ loss: (\S+), accuracy: (\S+) \}$/.exec(printed[1] ?? '') ?? [];
    expect(Number(accuracy)).toBe(1);
    expect(Number(loss)).toBeLessThan(0.1);
    expect(leakedTensors).toBe(0);
  });
});
