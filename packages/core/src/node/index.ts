// The Node-only surface of @lab/core, exported as '@lab/core/node': the one atomic writer and
// the one guarded reader every lab package and the CLI use for files.
export { checkRegularFile, formatBytes, type ReadFileOptions, readRegularFile } from './read-file.js';
export { type AtomicWriteOptions, recoverDir, replaceDirAtomic, writeFileAtomic, writeStreamAtomic } from './write-atomic.js';
