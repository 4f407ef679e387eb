import { MNIST_FILES, type MnistFileName } from '@lab/data';

/**
 * The MNIST file a picked or dropped file is, by its name: the original names with or without
 * `.gz`, in any case, and the common variant with a dot before `idx` (`train-images.idx3-ubyte`).
 * Undefined when the name is none of the four.
 */
export function mnistFileName(fileName: string): MnistFileName | undefined {
  const base = fileName
    .toLowerCase()
    .replace(/\.gz$/, '')
    .replace(/\.(idx[13]-ubyte)$/, '-$1');
  return MNIST_FILES.find((name) => name === base);
}

/** The four MNIST files among `files`, by name; a later file with the same name wins. */
export function pickMnistFiles<T extends { name: string }>(files: Iterable<T>): Map<MnistFileName, T> {
  const picked = new Map<MnistFileName, T>();
  for (const file of files) {
    const name = mnistFileName(file.name);
    if (name) picked.set(name, file);
  }
  return picked;
}

/** The MNIST files not in `picked`, in the usual order. */
export function missingMnistFiles(picked: ReadonlyMap<MnistFileName, unknown>): MnistFileName[] {
  return MNIST_FILES.filter((name) => !picked.has(name));
}
