import { describe, expect, it } from 'vitest';
import { DataError } from './data-error.js';
import { readMnistSplit } from './mnist-split.js';
import { imagesIdx, labelsIdx } from './test/idx-fixtures.js';
import { thrown } from './test/thrown.js';

describe('readMnistSplit', () => {
  it('pairs images with their labels', () => {
    const split = readMnistSplit(imagesIdx(2, 1, 3), labelsIdx([5, 0]));
    expect(split).toEqual({ images: new Uint8Array([0, 1, 2, 3, 4, 5]), labels: new Uint8Array([5, 0]), count: 2, rows: 1, cols: 3 });
  });

  it('rejects label and image counts that differ, naming both files', () => {
    const error = thrown(() =>
      readMnistSplit(imagesIdx(2, 1, 3), labelsIdx([5]), { imagesName: 'imgs', labelsName: 'lbls' }),
    );
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ file: 'lbls', message: 'lbls: has 1 labels but imgs has 2 images' });
  });
});
