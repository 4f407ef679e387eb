import { runReadmeExample } from '@lab/testing';
import { describe, expect, it } from 'vitest';

// The README's first example, run as written (its import of this package pointed at the sources,
// @lab/models resolved as a user's install resolves it): each `// → text` comment is a line it must
// print, and it must leave no tensor behind.
describe('README', () => {
  it('runs its example and prints what its comments say', async () => {
    const { printed, expected, leakedTensors } = await runReadmeExample({
      readme: new URL('../README.md', import.meta.url),
      replace: { '@lab/onnx': new URL('./index.ts', import.meta.url) },
    });
    expect(printed).toEqual(expected);
    expect(expected).toHaveLength(5);
    expect(leakedTensors).toBe(0);
  });
});
