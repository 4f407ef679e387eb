import cliProgress from 'cli-progress';

/** The progress event `loadMnist` reports while downloading. */
export interface DownloadEvent {
  file: string;
  receivedBytes: number;
  totalBytes?: number;
}

/**
 * A progress reporter for MNIST downloads: a byte progress bar per file on a terminal, one line
 * per file elsewhere.
 */
export function downloadProgress(stream: NodeJS.WriteStream): (event: DownloadEvent) => void {
  let current: string | undefined;
  let bar: cliProgress.SingleBar | undefined;
  return (event) => {
    if (event.file !== current) {
      bar?.stop();
      current = event.file;
      if (!stream.isTTY) {
        stream.write(`Downloading ${event.file}${event.totalBytes ? ` (${event.totalBytes} bytes)` : ''}\n`);
        return;
      }
      bar = new cliProgress.SingleBar(
        { stream, format: `${event.file} {bar} {percentage}% | {value}/{total} bytes`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(event.totalBytes ?? 0, 0);
    }
    bar?.update(event.receivedBytes);
    if (bar && event.totalBytes !== undefined && event.receivedBytes >= event.totalBytes) {
      bar.stop();
      bar = undefined;
    }
  };
}
