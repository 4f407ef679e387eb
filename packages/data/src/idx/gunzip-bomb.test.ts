import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzip } from './gunzip.js';

describe('gunzip against forged streams', () => {
  it('refuses a trailer that declares more than the input can hold, at once', () => {
    // A valid 10-byte header, an empty stored block, and a trailer claiming 4 GB.
    const forged = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    const started = performance.now();
    expect(() => gunzip(forged, 'bomb.gz')).toThrow('bomb.gz: corrupt gzip stream (the trailer declares 4294967295 bytes, more than 20 compressed bytes can hold)');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('honours a size limit before inflating, and still inflates honest streams', () => {
    const data = new Uint8Array(100_000).fill(7);
    const packed = gzipSync(data);
    expect(gunzip(packed, 'ok.gz')).toEqual(data);
    expect(() => gunzip(packed, 'big.gz', 50_000)).toThrow('big.gz: the decompressed data would be 100000 bytes, more than the limit of 50000');
  });
});
