import { gunzipSync } from 'fflate';
import { crc32 } from './crc32.js';
import { idxError } from './idx-error.js';

/** The most lab decompresses from one file by default: 2 GiB − 1, the largest typed array everywhere. */
export const MAX_GUNZIP_BYTES = 2 ** 31 - 1;

/** The most a deflate stream of `compressed` bytes can expand to (deflate's limit is 1032:1). */
export function maxGunzipOutput(compressed: number): number {
  return compressed * 1032 + 1024;
}

/** True when `bytes` begin with the gzip magic number 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Decompresses a gzip stream with fflate (so it runs in browsers too) and checks the trailer's
 * CRC-32 and length, which fflate skips. Only single-member streams are supported: fflate sizes its
 * output by the last member's trailer, and the CRC check then reports the stream as corrupt.
 * The trailer's declared size is checked against what the input can hold (deflate's 1032:1) and
 * against `maxBytes` before anything is allocated.
 * @param name the file name for error messages
 * @param maxBytes the largest output accepted (default {@link MAX_GUNZIP_BYTES})
 * @throws DataError "corrupt gzip stream (...)" naming the file
 */
export function gunzip(bytes: Uint8Array, name?: string, maxBytes = MAX_GUNZIP_BYTES): Uint8Array {
  // 10-byte header and 8-byte trailer; anything shorter cannot be a whole stream.
  if (bytes.length < 18) {
    throw idxError(name, `corrupt gzip stream (only ${bytes.length} bytes)`);
  }
  // fflate allocates what the trailer declares before inflating: check it first, so that a forged
  // trailer costs nothing. Deflate cannot compress more than 1032:1, so a larger claim is a lie.
  const declared = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true);
  if (declared > maxGunzipOutput(bytes.length)) {
    throw idxError(name, `corrupt gzip stream (the trailer declares ${declared} bytes, more than ${bytes.length} compressed bytes can hold)`);
  }
  if (declared > maxBytes) {
    throw idxError(name, `the decompressed data would be ${declared} bytes, more than the limit of ${maxBytes}`);
  }
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw idxError(name, `corrupt gzip stream (${reason})`, error);
  }
  const trailer = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 8, 8);
  const size = trailer.getUint32(4, true);
  if (out.length % 2 ** 32 !== size) {
    throw idxError(name, `corrupt gzip stream (trailer says ${size} bytes, got ${out.length})`);
  }
  const expected = trailer.getUint32(0, true);
  const actual = crc32(out);
  if (actual !== expected) {
    throw idxError(name, `corrupt gzip stream (CRC-32 is ${hex(actual)}, trailer says ${hex(expected)})`);
  }
  return out;
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
