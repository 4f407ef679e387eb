import { checkOptions, string } from '@lab/core';
import { idxError } from './idx-error.js';
import type { IdxTensor } from './idx-dtype.js';
import { decodeIdxBody } from './idx-body.js';
import { gunzip, isGzip } from './gunzip.js';
import { type IdxHeader, readIdxHeader } from './idx-header.js';

/** Options for the IDX readers. */
export interface ParseIdxOptions {
  /** The file name, used in error messages and as `DataError.file`. Default: none ("IDX data"). */
  name?: string;
}

/**
 * Decodes an IDX file (the format of MNIST and Fashion-MNIST), raw or gzip-compressed; gzip is
 * recognised by its magic bytes 0x1f 0x8b, whatever the file is called.
 *
 * The returned `data` is a new array in native byte order that shares no memory with `bytes`.
 * @throws DataError naming the file when it is empty, neither gzip nor IDX, a corrupt gzip
 *   stream, has an unknown type code, or is shorter or longer than its header says
 */
export function parseIdx(bytes: Uint8Array, options: ParseIdxOptions = {}): IdxTensor {
  checkIdxOptions('parseIdx', options);
  return decodeIdx(bytes, options.name);
}

/** Checks {@link ParseIdxOptions} (@lab/core's `checkOptions`), `owner` naming the reader. */
export function checkIdxOptions(owner: string, options: ParseIdxOptions): void {
  checkOptions(owner, options, { name: string() });
}

/** {@link parseIdx} with a hook that vets the header before the data is decoded. */
export function decodeIdx(bytes: Uint8Array, name?: string, check?: (header: IdxHeader) => void): IdxTensor {
  if (bytes.length === 0) {
    throw idxError(name, 'empty file (0 bytes), expected IDX data, raw or gzip-compressed');
  }
  const gunzipped = isGzip(bytes);
  const raw = gunzipped ? gunzip(bytes, name) : bytes;
  const header = readIdxHeader(raw, name, gunzipped);
  check?.(header);
  checkLength(raw.length, header, name, gunzipped ? ' after gunzip' : '');
  return decodeIdxBody(raw, header);
}

/** A shape for a message: all its dims up to 8, else the first 6, the count left out and the last. */
function shownShape(shape: readonly number[]): string {
  if (shape.length <= 8) return `[${shape.join(', ')}]`;
  return `[${shape.slice(0, 6).join(', ')}, … ${shape.length - 7} more …, ${shape.at(-1)}] (${shape.length} dims)`;
}

function checkLength(actual: number, header: IdxHeader, name: string | undefined, after: string): void {
  const { dataOffset, shape, elementBytes, dtype } = header;
  const expected = dataOffset + shape.reduce((a, b) => a * b, 1) * elementBytes;
  if (actual === expected) return;
  const unit = elementBytes === 1 ? 'byte' : 'bytes';
  const layout = `${dataOffset}-byte header + shape ${shownShape(shape)} × ${elementBytes} ${unit} per ${dtype}`;
  const sizes = `expected ${expected} bytes (${layout}), got ${actual}${after}`;
  throw idxError(
    name,
    actual < expected
      ? `truncated: ${sizes} (${expected - actual} missing)`
      : `header/size mismatch: ${sizes} (${actual - expected} trailing bytes)`,
  );
}
