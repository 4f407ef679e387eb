import { runReadmeExample } from '@lab/testing';
import { describe, expect, it } from 'vitest';

// The README's first example, run as written from inside this package, so that its import of
// @lab/core resolves as a user's would; its import of this package points at the sources. Each
// `// → text` comment is a line it must print.
describe('README', () => {
  it('runs the first example and prints what its comments say', async () => {
    const { printed, expected } = await runReadmeExample({
      readme: new URL('../README.md', import.meta.url),
      replace: { '@lab/backend-webgl': new URL('./index.ts', import.meta.url) },
    });
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(printed).toEqual(expected);
  });
});
