import type { MnistFileName, MnistSplit } from '@lab/data';

/** The checksum of one file as loaded: what it is, what it should be, and whether they match. */
export interface FileCheck {
  name: MnistFileName;
  /** SHA-256 of the decompressed bytes, lowercase hex. */
  sha256: string;
  /** The published SHA-256 for this file. */
  expected: string;
  /** Decompressed size in bytes. */
  bytes: number;
}

/** MNIST as the page uses it: both splits (possibly cut to a limit) and the checks made on the files. */
export interface MnistData {
  train: MnistSplit;
  test: MnistSplit;
  /** One check per file, all matching (a mismatch is an error, never data). */
  checks: FileCheck[];
  /** The images in the files before any limit: 60,000 and 10,000 for MNIST. */
  fullCounts: { train: number; test: number };
}

/** Where one file's bytes come from: a URL on this origin, or a file the user picked or dropped. */
export type FileSource = { name: MnistFileName; url: string } | { name: MnistFileName; blob: Blob };

/** How many images to keep of each split (the first ones); undefined keeps all. */
export interface SplitLimits {
  train?: number;
  test?: number;
}
