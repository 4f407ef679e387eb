import { runReadmeExample } from '@lab/testing';
import { describe, expect, it } from 'vitest';

// The README's first example, run as written (its imports of this package pointed at the
// sources): each `// → text` comment is a line it must print.
describe('README', () => {
  it('runs the first example and prints what its comments say', async () => {
    const { printed, expected } = await runReadmeExample({
      readme: new URL('../README.md', import.meta.url),
      replace: {
        '@lab/data': new URL('./index.ts', import.meta.url),
        '@lab/data/node': new URL('./node/index.ts', import.meta.url),
      },
    });
    expect(expected.length).toBeGreaterThan(3);
    // The source line varies by machine (package here, the cache or shared folder elsewhere).
    const [found, ...rest] = printed.filter((line) => line.startsWith('found in: '));
    expect(found).toMatch(/^found in: (dir|env|cache|package|download) \S/);
    expect(rest).toEqual([]);
    expect(printed.filter((line) => line !== found)).toEqual(expected);
  });
});
