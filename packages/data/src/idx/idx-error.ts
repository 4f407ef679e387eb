import { DataError } from '../data-error.js';

/**
 * A {@link DataError} about IDX data, its message prefixed with the file name so that a user
 * reading a log line knows which file to look at; unnamed data is called "IDX data".
 */
export function idxError(name: string | undefined, detail: string, cause?: unknown): DataError {
  return new DataError(`${name ?? 'IDX data'}: ${detail}`, { file: name, cause });
}
