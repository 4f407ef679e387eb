import { describe, expect, it } from 'vitest';
import { progressCallback } from './progress.js';

/** A stream that keeps what is written; `tty` gives it the terminal methods cli-progress calls. */
function fakeStream(tty: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = {
    isTTY: tty,
    columns: 200,
    write: (chunk: string) => chunks.push(chunk) > 0,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    clearScreenDown: () => true,
    on: () => stream,
    removeListener: () => stream,
    text: () => chunks.join(''),
  };
  return stream as unknown as NodeJS.WriteStream & { text: () => string };
}

const logs = { loss: 0.5, accuracy: 0.8, seconds: 1.25 };

describe('progressCallback', () => {
  it('prints one plain line per epoch off a terminal, the partial epoch of an interrupted run marked', () => {
    const stream = fakeStream(false);
    let stop = false;
    const progress = progressCallback(stream, 3, { interrupted: () => stop });
    progress.onTrainBegin!({ epochs: 3, initialEpoch: 0, stepsPerEpoch: 4, samples: 100, batchSize: 32 });
    progress.onEpochBegin!(0);
    for (const size of [32, 32, 32, 4]) progress.onBatchEnd!(0, { size });
    progress.onEpochEnd!(0, logs);
    progress.onEpochBegin!(1);
    progress.onBatchEnd!(0, { size: 32 });
    progress.onBatchEnd!(1, { size: 32 });
    stop = true;
    progress.onEpochEnd!(1, logs);
    expect(stream.text()).toBe('Epoch 1/3 - 1.3s - loss: 0.5000 - accuracy: 0.8000\nEpoch 2/3 - interrupted after 64 of 100 samples - 1.3s - loss: 0.5000 - accuracy: 0.8000\n');
  });

  it('on a terminal, shows no time left until a batch has been timed', () => {
    const stream = fakeStream(true);
    const progress = progressCallback(stream, 1);
    progress.onTrainBegin!({ epochs: 1, initialEpoch: 0, stepsPerEpoch: 2, samples: 64, batchSize: 32 });
    progress.onEpochBegin!(0);
    expect(stream.text()).toContain('0/64 samples | - left | loss - | accuracy -');
    expect(stream.text()).not.toContain('0s left');
    progress.onEpochEnd!(0, logs);
    expect(stream.text()).toContain('Epoch 1/1 - 1.3s - loss: 0.5000 - accuracy: 0.8000\n');
  });
});
