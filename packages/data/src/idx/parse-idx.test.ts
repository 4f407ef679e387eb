import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error.js';
import { idxBytes, imagesIdx } from '../test/idx-fixtures.js';
import { thrown } from '../test/thrown.js';
import { parseIdx } from './parse-idx.js';

describe('parseIdx', () => {
  it('decodes uint8 data, raw or gzipped, into a copy', () => {
    const bytes = imagesIdx(2, 3, 4);
    const expected = { dtype: 'uint8', shape: [2, 3, 4], data: Uint8Array.from({ length: 24 }, (_, i) => i) };
    const raw = parseIdx(bytes);
    expect(raw).toEqual(expected);
    expect(parseIdx(gzipSync(bytes))).toEqual(expected);
    raw.data[0] = 99;
    expect(bytes[16]).toBe(0); // the result shares no memory with the input
  });

  it('round-trips big-endian int8, int16, int32, float32 and float64', () => {
    const cases = [
      { code: 0x09, dtype: 'int8', values: [-128, -1, 0, 127], Type: Int8Array },
      { code: 0x0b, dtype: 'int16', values: [-32768, -2, 1, 32767], Type: Int16Array },
      { code: 0x0c, dtype: 'int32', values: [-2147483648, -70000, 70000, 2147483647], Type: Int32Array },
      { code: 0x0d, dtype: 'float32', values: [-1.5, 0, 3.25, 2 ** 100], Type: Float32Array },
      { code: 0x0e, dtype: 'float64', values: [-Math.PI, 0, 1e-300, Number.MAX_VALUE], Type: Float64Array },
    ] as const;
    for (const { code, dtype, values, Type } of cases) {
      const tensor = parseIdx(gzipSync(idxBytes(code, [2, 2], values)));
      expect(tensor.dtype).toBe(dtype);
      expect(tensor.shape).toEqual([2, 2]);
      expect(tensor.data).toBeInstanceOf(Type);
      expect(Array.from(tensor.data)).toEqual(values);
    }
  });

  it('reads an int32 file byte for byte as big-endian', () => {
    // 0x01020304 = 16909060; a little-endian reader would give 0x04030201 = 67305985.
    const bytes = new Uint8Array([0, 0, 0x0c, 1, 0, 0, 0, 1, 1, 2, 3, 4]);
    expect(parseIdx(bytes)).toEqual({ dtype: 'int32', shape: [1], data: new Int32Array([16909060]) });
  });

  it('rejects an empty file', () => {
    expect(() => parseIdx(new Uint8Array(), { name: 'e.idx' })).toThrow(
      'e.idx: empty file (0 bytes), expected IDX data, raw or gzip-compressed',
    );
  });

  it('rejects bytes that are neither gzip nor IDX', () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
    expect(() => parseIdx(zip, { name: 'x.zip' })).toThrow(
      'x.zip: not a gzip or IDX file: it starts with 0x50 0x4b, expected 0x1f 0x8b (gzip) or 0x00 0x00 (IDX)',
    );
    expect(() => parseIdx(gzipSync(zip), { name: 'x.gz' })).toThrow(
      'x.gz: gzip stream does not hold IDX data: it starts with 0x50 0x4b, expected 0x00 0x00',
    );
  });

  it('rejects a corrupt gzip stream', () => {
    const gz = gzipSync(imagesIdx(1, 2, 2));
    expect(() => parseIdx(gz.subarray(0, gz.length - 9), { name: 'c.gz' })).toThrow(/^c\.gz: corrupt gzip stream/);
  });

  it('rejects an unknown type code and a short header', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 7, 1, 0, 0, 0, 0]), { name: 'u' })).toThrow(
      'u: unknown IDX type code 0x07 in magic number 1793; expected one of 0x08 (uint8), 0x09 (int8), 0x0B (int16), 0x0C (int32), 0x0D (float32), 0x0E (float64)',
    );
    expect(() => parseIdx(new Uint8Array([0, 0, 8]), { name: 'h' })).toThrow(
      'h: truncated header: 3 bytes, an IDX header needs at least 4',
    );
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]), { name: 'h' })).toThrow(
      'h: truncated header: 3 dims need 16 header bytes, got 8',
    );
  });

  it('rejects a truncated body, naming expected and actual byte counts', () => {
    const bytes = imagesIdx(2, 3, 3); // 16 + 18 bytes
    expect(() => parseIdx(bytes.subarray(0, 30), { name: 't.idx' })).toThrow(
      't.idx: truncated: expected 34 bytes (16-byte header + shape [2, 3, 3] × 1 byte per uint8), got 30 (4 missing)',
    );
    expect(() => parseIdx(gzipSync(idxBytes(0x0d, [3], [1, 2])), { name: 'f.gz' })).toThrow(
      'f.gz: truncated: expected 20 bytes (8-byte header + shape [3] × 4 bytes per float32), got 16 after gunzip (4 missing)',
    );
  });

  it('rejects trailing bytes as a header/size mismatch', () => {
    const bytes = new Uint8Array([...imagesIdx(2, 3, 3), 1, 2, 3, 4, 5, 6]);
    expect(() => parseIdx(bytes, { name: 'm.idx' })).toThrow(
      'm.idx: header/size mismatch: expected 34 bytes (16-byte header + shape [2, 3, 3] × 1 byte per uint8), got 40 (6 trailing bytes)',
    );
  });

  it('throws DataError carrying the file name, and names unnamed data "IDX data"', () => {
    const error = thrown(() => parseIdx(new Uint8Array([1]), { name: 'n.idx' }));
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ name: 'DataError', file: 'n.idx' });
    expect(() => parseIdx(new Uint8Array())).toThrow(/^IDX data: empty file/);
  });
});
