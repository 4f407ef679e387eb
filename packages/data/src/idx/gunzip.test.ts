import { gzipSync as zlibGzip } from 'node:zlib';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error.js';
import { thrown } from '../test/thrown.js';
import { gunzip, isGzip } from './gunzip.js';

const data = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 251);

function withTrailerByte(gz: Uint8Array, fromEnd: number): Uint8Array {
  const copy = gz.slice();
  copy[copy.length - fromEnd]! ^= 0x01;
  return copy;
}

describe('gunzip', () => {
  it('round-trips fflate and zlib streams', () => {
    expect(gunzip(gzipSync(data))).toEqual(data);
    expect(gunzip(zlibGzip(data))).toEqual(data);
  });

  it('reports a truncated stream as corrupt, naming the file', () => {
    const gz = gzipSync(data);
    expect(() => gunzip(gz.subarray(0, gz.length - 20), 'a.gz')).toThrow(/^a\.gz: corrupt gzip stream \(/);
    expect(() => gunzip(gz.subarray(0, 10), 'a.gz')).toThrow('a.gz: corrupt gzip stream (only 10 bytes)');
  });

  it('checks the CRC-32 and length in the trailer, which fflate skips', () => {
    const gz = zlibGzip(data);
    expect(() => gunzip(withTrailerByte(gz, 8), 'a.gz')).toThrow(/^a\.gz: corrupt gzip stream \(CRC-32 is 0x[0-9a-f]{8}, trailer says 0x[0-9a-f]{8}\)$/);
    expect(() => gunzip(withTrailerByte(gz, 4), 'a.gz')).toThrow('a.gz: corrupt gzip stream (trailer says 5001 bytes, got 5000)');
  });

  it('throws DataError with the file name', () => {
    const garbage = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const error = thrown(() => gunzip(garbage, 'b.gz'));
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ file: 'b.gz' });
  });
});

describe('isGzip', () => {
  it('looks at the two magic bytes only', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b]))).toBe(true);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
    expect(isGzip(new Uint8Array([0, 0, 8, 1]))).toBe(false);
  });
});
