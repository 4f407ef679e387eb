import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DataError } from '../data-error.js';
import { isGzip, MAX_GUNZIP_BYTES, maxGunzipOutput } from '../idx/gunzip.js';
import { MNIST_SHA256, type MnistFileName } from '../mnist-files.js';

// Node's own zlib rather than fflate here: native, off the main thread, and it checks the CRC.
const gunzipAsync = promisify(gunzip);

/**
 * Decompresses one MNIST file if it is gzip and checks the SHA-256 of the decompressed bytes
 * against {@link MNIST_SHA256}, whatever the file's source.
 * @param file the path or URL the bytes came from, for messages and `DataError.file`
 * @param source the source as messages name it, e.g. "cache /home/me/.cache/lab/mnist"
 * @returns the decompressed, verified IDX bytes
 * @throws DataError naming the file, the source and both hashes on a mismatch; or a corrupt gzip stream
 */
export async function verifyMnistFile(
  bytes: Uint8Array,
  name: MnistFileName,
  file: string,
  source: string,
): Promise<Uint8Array> {
  const raw = await decompressIdx(bytes, file, source);
  const actual = sha256(raw);
  const expected = MNIST_SHA256[name];
  if (actual !== expected) {
    throw new DataError(
      `${file} (${source}): SHA-256 mismatch: the decompressed data hashes to ${actual}, ` +
        `the original ${name} to ${expected}; the file is damaged or not the original MNIST, replace or delete it`,
      { file, source },
    );
  }
  return raw;
}

/** The SHA-256 of `bytes`, lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * An IDX file's bytes, decompressed if they are gzip (bounded by what the input can hold, so a
 * forged header costs nothing); a corrupt stream is a DataError naming the file and source.
 */
export async function decompressIdx(bytes: Uint8Array, file: string, source: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    // Decompression stops at what the input can hold (deflate's 1032:1), so a forged stream costs nothing.
    return await gunzipAsync(bytes, { maxOutputLength: Math.min(maxGunzipOutput(bytes.length), MAX_GUNZIP_BYTES) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DataError(`${file} (${source}): corrupt gzip stream (${why})`, { file, source, cause: error });
  }
}
