let quiet = false;

/** `--quiet`: commands print their result and their warnings only (see {@link humanLog}). */
export function setQuiet(on: boolean): void {
  quiet = on;
}

/** Whether `--quiet` was given. */
export function isQuiet(): boolean {
  return quiet;
}

/** Lines that still reach the user with `--quiet`: warnings and notes, on stderr. */
const KEPT = /^(warning|note|lab: note)\b/i;

/**
 * Where a command writes what it tells the user as it works (backend, data, settings, progress,
 * scores): stdout, or stderr when stdout carries data (`--json`, `-o -`, a table's predictions).
 * With `--quiet`, a stream that drops all of it but warnings and notes (sent to stderr), and says
 * it is no terminal, so that no progress bar is drawn.
 */
export function humanLog(toStderr: boolean): NodeJS.WriteStream {
  const stream = toStderr ? process.stderr : process.stdout;
  if (!quiet) return stream;
  let pending = '';
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const kept = lines.filter((line) => KEPT.test(line.trim()));
    if (kept.length > 0) process.stderr.write(`${kept.join('\n')}\n`);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
  return new Proxy(process.stderr, {
    get(target, key) {
      if (key === 'write') return write;
      if (key === 'isTTY') return false;
      if (key === 'columns') return undefined;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
