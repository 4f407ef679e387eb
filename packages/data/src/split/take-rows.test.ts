import { describe, expect, it } from 'vitest';
import { takeRows } from './take-rows.js';

describe('takeRows', () => {
  it('takes rows of typed arrays, keeping the type, and of plain arrays', () => {
    const images = Uint8Array.from([0, 1, 2, 3, 4, 5]); // 3 rows of 2
    const taken = takeRows(images, [2, 0], 2);
    expect(taken).toBeInstanceOf(Uint8Array);
    expect(Array.from(taken)).toEqual([4, 5, 0, 1]);
    expect(takeRows(['a', 'b', 'c'], Int32Array.from([1, 1]))).toEqual(['b', 'b']);
  });

  it('says what is wrong', () => {
    expect(() => takeRows(new Float32Array(5), [0], 2)).toThrow('takeRows: 5 values are not whole rows of 2');
    expect(() => takeRows([1, 2], [2])).toThrow('takeRows: indices[0] is 2, outside 0..1');
    expect(() => takeRows([1, 2], [0], 0)).toThrow('rowLength must be a positive integer');
  });
});
