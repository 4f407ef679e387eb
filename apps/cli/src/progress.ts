import type { Callback, Logs } from '@lab/models';
import cliProgress from 'cli-progress';

/** Formats per-epoch logs the way Keras prints them: `loss: 0.2594 - accuracy: 0.9261`. */
export function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .filter(([k]) => k !== 'seconds')
    .map(([k, v]) => `${k}: ${v.toFixed(4)}`)
    .join(' - ');
}

/**
 * Reports training progress on `stream`: on a terminal, a progress bar per epoch with the running
 * loss and accuracy (read every few batches, so the device is not synchronised every step);
 * elsewhere, one plain line per epoch.
 */
export function progressCallback(stream: NodeJS.WriteStream, epochs: number): Callback {
  const tty = stream.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let done = 0;
  let total = 0;
  return {
    batchLogInterval: tty ? 25 : 0,
    onEpochBegin(epoch) {
      done = 0;
      if (!tty) return;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `Epoch ${epoch + 1}/${epochs} {bar} {value}/{total} samples | {eta_formatted} left | loss {loss} | accuracy {accuracy}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { loss: '-', accuracy: '-' });
    },
    onBatchEnd(_batch, logs) {
      done += logs.size;
      if (!bar) return;
      const payload = logs.loss === undefined ? {} : { loss: logs.loss.toFixed(4), accuracy: logs.accuracy?.toFixed(4) ?? '-' };
      bar.update(done, payload);
    },
    onTrainBegin(info) {
      total = info.samples;
    },
    onEpochEnd(epoch, logs) {
      bar?.stop();
      bar = undefined;
      stream.write(`Epoch ${epoch + 1}/${epochs} - ${logs.seconds?.toFixed(1)}s - ${formatLogs(logs)}\n`);
    },
  };
}
