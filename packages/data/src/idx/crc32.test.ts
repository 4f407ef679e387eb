import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    // The catalogue check value of CRC-32/ISO-HDLC, the variant gzip uses.
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('is 0 for no bytes and unsigned for all bytes', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBe(0xffffffff);
  });
});
