import { describeTypeCode, IDX_TYPES, type IdxDtype } from './idx-dtype.js';
import { idxError } from './idx-error.js';

/** The decoded header of an IDX file. */
export interface IdxHeader {
  /** The first four bytes as a big-endian uint32, e.g. 2051 for MNIST images, 2049 for labels. */
  magic: number;
  dtype: IdxDtype;
  /** Size of one element in bytes. */
  elementBytes: number;
  /** The dimensions, outermost first. */
  shape: number[];
  /** Length of the header in bytes: the data starts here. */
  dataOffset: number;
}

/**
 * Reads and checks an IDX header: two zero bytes, a type code, the number of dimensions, then
 * each dimension as a big-endian uint32. It does not look at the data after the header.
 * @param bytes uncompressed IDX bytes
 * @param name the file name for error messages
 * @param gunzipped whether `bytes` came out of gzip, so messages say where the bad bytes are
 * @throws DataError when the bytes are not IDX, the type code is unknown or the header is cut short
 */
export function readIdxHeader(bytes: Uint8Array, name?: string, gunzipped = false): IdxHeader {
  const lead = Array.from(bytes.subarray(0, 2));
  if (lead.some((b) => b !== 0)) {
    const found = lead.map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    throw idxError(
      name,
      gunzipped
        ? `gzip stream does not hold IDX data: it starts with ${found}, expected 0x00 0x00`
        : `not a gzip or IDX file: it starts with ${found}, expected 0x1f 0x8b (gzip) or 0x00 0x00 (IDX)`,
    );
  }
  const after = gunzipped ? ' after gunzip' : '';
  if (bytes.length < 4) {
    throw idxError(name, `truncated header: ${bytes.length} bytes${after}, an IDX header needs at least 4`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const code = bytes[2]!;
  const type = IDX_TYPES.get(code);
  if (type === undefined) {
    const known = [...IDX_TYPES.keys()].map(describeTypeCode).join(', ');
    throw idxError(name, `unknown IDX type code ${describeTypeCode(code)} in magic number ${magic}; expected one of ${known}`);
  }
  const rank = bytes[3]!;
  const dataOffset = 4 + 4 * rank;
  if (bytes.length < dataOffset) {
    throw idxError(name, `truncated header: ${rank} dims need ${dataOffset} header bytes, got ${bytes.length}${after}`);
  }
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  return { magic, dtype: type.dtype, elementBytes: type.bytes, shape, dataOffset };
}
