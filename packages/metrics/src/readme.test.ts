import { runReadmeExample } from '@lab/testing';
import { describe, expect, it } from 'vitest';

// The README's first example, run as written (its import of this package pointed at the sources):
// each `// → text` comment is a line it must print (the report is scikit-learn's
// classification_report text for the same labels), and it must leave no tensor behind.
describe('README', () => {
  it('runs its example and prints what its comments say', async () => {
    const { printed, expected, leakedTensors } = await runReadmeExample({
      readme: new URL('../README.md', import.meta.url),
      replace: { '@lab/metrics': new URL('./index.ts', import.meta.url) },
    });
    expect(printed).toEqual(expected);
    // 3 scores, the report (9 lines and the blank one of its final newline), the confusion
    // matrix (4 + 1), 2 streaming scores.
    expect(expected).toHaveLength(20);
    expect(Number(printed[18])).toBe(5 / 6);
    expect(leakedTensors).toBe(0);
  });
});
