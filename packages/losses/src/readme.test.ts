import { runReadmeExample } from '@lab/testing';
import { describe, expect, it } from 'vitest';

// The README's first example, run as written (its import of this package pointed at the sources):
// each `// → text` comment is a line it must print, and it must leave no tensor behind.
describe('README', () => {
  it('runs its example and prints what its comments say', async () => {
    const { printed, expected, leakedTensors } = await runReadmeExample({
      readme: new URL('../README.md', import.meta.url),
      replace: { '@lab/losses': new URL('./index.ts', import.meta.url) },
    });
    expect(printed).toEqual(expected);
    expect(expected).toHaveLength(3);
    expect(leakedTensors).toBe(0);
    // The numbers the comments derive: (-ln 0.8 - ln 0.5) / 2, [2000, ln 3], (0.06 + 0.375) / 6.
    const [mean, perSample, squared] = printed;
    expect(Number(mean)).toBeCloseTo((-Math.log(0.8) - Math.log(0.5)) / 2, 6);
    expect(perSample).toMatch(/^\[ 2000, 1\.0986\d+ \]$/);
    expect(Number(/, (.*) \]/.exec(perSample!)?.[1])).toBeCloseTo(Math.log(3), 6);
    expect(Number(squared)).toBeCloseTo(0.0725, 6);
  });
});
