import { describe, expect, it } from 'vitest';
import { missingMnistFiles, mnistFileName, pickMnistFiles } from './mnist-file-name.js';

describe('mnistFileName', () => {
  it('knows the four files raw, gzip, in any case and with a dot before idx', () => {
    expect(mnistFileName('train-images-idx3-ubyte')).toBe('train-images-idx3-ubyte');
    expect(mnistFileName('T10K-LABELS-IDX1-UBYTE.GZ')).toBe('t10k-labels-idx1-ubyte');
    expect(mnistFileName('train-labels.idx1-ubyte')).toBe('train-labels-idx1-ubyte');
    expect(mnistFileName('t10k-images.idx3-ubyte.gz')).toBe('t10k-images-idx3-ubyte');
    expect(mnistFileName('notes.txt')).toBeUndefined();
  });

  it('picks the four among other files and names the missing ones', () => {
    const picked = pickMnistFiles([{ name: 'README.md' }, { name: 'train-images-idx3-ubyte.gz' }, { name: 't10k-labels-idx1-ubyte' }]);
    expect([...picked.keys()]).toEqual(['train-images-idx3-ubyte', 't10k-labels-idx1-ubyte']);
    expect(missingMnistFiles(picked)).toEqual(['train-labels-idx1-ubyte', 't10k-images-idx3-ubyte']);
  });
});
