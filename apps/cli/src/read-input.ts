import { type ReadFileOptions, readRegularFile } from '@lab/core/node';
import { UsageError } from './errors.js';

/** Inputs larger than this are refused before reading (2 GiB − 1, the largest buffer Node can hold). */
export const MAX_INPUT_BYTES = 2 ** 31 - 1;

/**
 * Reads a file the user named: only a regular file (a FIFO, device, socket or folder is an error at
 * once, not a hang), at most `maxBytes`; every failure is a {@link UsageError} naming the file.
 */
export async function readInput(file: string, options: ReadFileOptions = {}): Promise<Buffer> {
  try {
    const bytes = await readRegularFile(file, { maxBytes: MAX_INPUT_BYTES, ...options });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
