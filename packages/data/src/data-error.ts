/** What a {@link DataError} is about, for programs that handle it. */
export interface DataErrorDetails {
  /** The file at fault, as the caller named it (e.g. `train-images-idx3-ubyte.gz`). */
  file?: string;
  /** Where the file came from: a directory, a URL or a package folder. */
  source?: string;
  /** The lower-level error (gunzip, fetch, file system), when there is one. */
  cause?: unknown;
}

/**
 * Bad or missing data: a malformed IDX file, a checksum mismatch, a data set that cannot be
 * found. The message is written for people and names the file and what was wrong; `file` and
 * `source` carry the same facts for programs.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  /** The file at fault, when one is. */
  readonly file?: string;
  /** Where the file came from, when known. */
  readonly source?: string;

  /**
   * @param message the whole message, already naming the file and the fault
   * @param details `file`, `source` and `cause`; all optional
   */
  constructor(message: string, details: DataErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.file = details.file;
    this.source = details.source;
  }
}
