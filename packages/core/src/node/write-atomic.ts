import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { once } from 'node:events';

/** A unique sibling of `path` for a temporary file or folder: `NAME.tmp-PID-HEX.tmp`, `NAME.previous-PID-HEX.tmp`. */
function sibling(path: string, kind: string): string {
  return join(dirname(path), `${basename(path)}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Options of the atomic writers. */
export interface AtomicWriteOptions {
  /** Create the parent folder if it is missing. Default false: a missing folder is an error naming it. */
  mkdir?: boolean;
}

async function parentReady(path: string, options: AtomicWriteOptions): Promise<void> {
  const parent = dirname(resolve(path));
  if (options.mkdir) {
    await mkdir(parent, { recursive: true });
    return;
  }
  const info = await stat(parent).catch(() => undefined);
  if (!info) throw new Error(`${path}: cannot write: the folder ${parent} does not exist`);
  if (!info.isDirectory()) throw new Error(`${path}: cannot write: ${parent} is not a folder`);
}

/**
 * Writes `data` to `path` so that `path` either keeps its old content or holds all of `data`,
 * never a part: the data goes to a temporary sibling (same file system), is flushed to disk, then
 * renamed over `path`. The temporary file is removed on failure. The one atomic file writer of lab.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await parentReady(path, options);
  const temp = sibling(path, 'tmp');
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * {@link writeFileAtomic} for output produced piece by piece (a table converted row by row): `write`
 * gets a stream to a temporary sibling; when it resolves, the stream is ended, flushed and renamed
 * over `path`. If `write` or the stream fails, nothing appears at `path` and the temporary is removed.
 */
export async function writeStreamAtomic<T>(
  path: string,
  write: (out: WriteStream) => Promise<T>,
  options: AtomicWriteOptions = {},
): Promise<T> {
  await parentReady(path, options);
  const temp = sibling(path, 'tmp');
  const out = createWriteStream(temp, { flags: 'wx' });
  let streamError: unknown;
  out.on('error', (error) => {
    streamError ??= error;
  });
  try {
    const result = await write(out);
    out.end();
    if (!out.writableFinished && !streamError) await Promise.race([once(out, 'finish'), once(out, 'error')]);
    if (streamError) throw streamError;
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return result;
  } catch (error) {
    // The first failure is the cause: destroying the stream errors its pending writes too.
    const cause = streamError ?? error;
    // Wait for the stream to close: removing the file while it is still being opened would let
    // the open recreate it afterwards, leaving a stray temporary.
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => undefined);
      out.destroy();
      await closed;
    }
    await rm(temp, { force: true });
    throw cause;
  }
}

/**
 * Replaces the folder `dir` whole: `fill` writes the new content into a temporary sibling folder,
 * which then replaces `dir` by two renames (old aside, new in), and the old one is removed. An
 * interruption at any point leaves a readable folder: `dir` itself, or (killed between the renames)
 * the old content in a `NAME.previous-` sibling, which {@link recoverDir} moves back.
 */
export async function replaceDirAtomic(dir: string, fill: (temp: string) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  const target = resolve(dir);
  await parentReady(target, options);
  await recoverDir(target);
  const temp = sibling(target, 'tmp');
  await mkdir(temp);
  try {
    await fill(temp);
    const previous = sibling(target, 'previous');
    const existed = await stat(target).then(
      () => true,
      () => false,
    );
    if (existed) await rename(target, previous);
    await rename(temp, target);
    if (existed) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Moves back the previous content of `dir` left by a {@link replaceDirAtomic} killed between its two renames. */
export async function recoverDir(dir: string): Promise<void> {
  const target = resolve(dir);
  if (await stat(target).then(() => true, () => false)) return;
  const prefix = `${basename(target)}.previous-`;
  const entries = await readdir(dirname(target)).catch(() => [] as string[]);
  const previous = entries.find((e) => e.startsWith(prefix));
  if (previous) await rename(join(dirname(target), previous), target);
}
