import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Options of {@link checkRegularFile} and {@link readRegularFile}. */
export interface ReadFileOptions {
  /** Refuse files larger than this many bytes, before reading any (default: no limit). */
  maxBytes?: number;
  /** What the file is, for messages: 'the model file', 'a weights file'. Default 'the file'. */
  what?: string;
}

/** "a FIFO", "a character device", … for a stat result that is not a regular file. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** `n` bytes in words: "1.5 GB". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/**
 * Checks, without opening it, that `path` is a regular file (not a folder, FIFO, device or
 * socket, which would hang a read or stream forever) within `maxBytes`; returns its size. Errors
 * name the file and what is wrong.
 */
export async function checkRegularFile(path: string, options: ReadFileOptions = {}): Promise<number> {
  const what = options.what ?? 'the file';
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(code === 'ENOENT' ? `${path}: ${what} does not exist` : `${path}: cannot read ${what} (${code ?? (error as Error).message})`);
  }
  if (!info.isFile()) throw new Error(`${path}: ${what} is ${kindOf(info)}, not a regular file`);
  if (options.maxBytes !== undefined && info.size > options.maxBytes) {
    throw new Error(`${path}: ${what} is ${formatBytes(info.size)}, more than the limit of ${formatBytes(options.maxBytes)}`);
  }
  return info.size;
}

/**
 * Reads a regular file whole after {@link checkRegularFile}: a FIFO, a device or a folder is an
 * error at once instead of a hang or gigabytes of reading, and a file over `maxBytes` is refused
 * before any memory is allocated. Reads at most the size it checked (a file growing meanwhile is
 * not followed).
 */
export async function readRegularFile(path: string, options: ReadFileOptions = {}): Promise<Uint8Array> {
  const size = await checkRegularFile(path, options);
  const handle = await open(path, 'r');
  try {
    const out = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(out, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === size ? out : out.subarray(0, offset);
  } finally {
    await handle.close();
  }
}
