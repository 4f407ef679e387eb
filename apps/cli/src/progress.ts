import type { Callback, Logs } from '@lab/models';
import cliProgress from 'cli-progress';

/** Formats per-epoch logs the way Keras prints them: `loss: 0.2594 - accuracy: 0.9261`. */
export function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .filter(([k]) => k !== 'seconds')
    .map(([k, v]) => `${k}: ${v.toFixed(4)}`)
    .join(' - ');
}

/** Options of {@link progressCallback}. */
export interface ProgressOptions {
  /** True once the run was asked to stop (Ctrl-C): the epoch that then ends is marked as partial. */
  interrupted?: () => boolean;
}

/** Seconds as the progress bar shows them: `42s`, `3m05s`. */
function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Reports training progress on `stream`: on a terminal, a progress bar per epoch with the running
 * loss and accuracy (read every few batches, so the device is not synchronised every step) and the
 * time left (`-` until the first batches have been timed); elsewhere, one plain line per epoch. An
 * epoch cut short by Ctrl-C says so (`Epoch 2/5 - interrupted after 12800 of 60000 samples - …`).
 */
export function progressCallback(stream: NodeJS.WriteStream, epochs: number, options: ProgressOptions = {}): Callback {
  const tty = stream.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let done = 0;
  let total = 0;
  let started = 0;
  return {
    batchLogInterval: tty ? 25 : 0,
    onEpochBegin(epoch) {
      done = 0;
      started = performance.now();
      if (!tty) return;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `Epoch ${epoch + 1}/${epochs} {bar} {value}/{total} samples | {left} left | loss {loss} | accuracy {accuracy}`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { loss: '-', accuracy: '-', left: '-' });
    },
    onBatchEnd(_batch, logs) {
      done += logs.size;
      if (!bar) return;
      const elapsed = (performance.now() - started) / 1000;
      const left = done > 0 && total > done ? formatSeconds((elapsed / done) * (total - done)) : done >= total ? '0s' : '-';
      const payload = logs.loss === undefined ? { left } : { left, loss: logs.loss.toFixed(4), accuracy: logs.accuracy?.toFixed(4) ?? '-' };
      bar.update(done, payload);
    },
    onTrainBegin(info) {
      total = info.samples;
    },
    onEpochEnd(epoch, logs) {
      bar?.stop();
      bar = undefined;
      const partial = options.interrupted?.() && done < total ? ` - interrupted after ${done} of ${total} samples` : '';
      stream.write(`Epoch ${epoch + 1}/${epochs}${partial} - ${logs.seconds?.toFixed(1)}s - ${formatLogs(logs)}\n`);
    },
  };
}
