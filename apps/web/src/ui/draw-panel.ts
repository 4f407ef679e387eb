import { centerDigit } from '@lab/preprocess';
import { DrawPad } from '../draw/draw-pad.js';
import { publishState } from '../lab-result.js';
import { predictDigit } from '../predict-digit.js';
import { afterWarmUp } from '../train/warm-up-shaders.js';
import type { Session } from '../session.js';
import { showPrediction } from '../view.js';
import { paintDigit } from './digit-thumb.js';
import { element } from './element.js';
import type { StepError } from './step-error.js';

/**
 * The drawing step: the pad, the 28 × 28 input the model sees, and the live probabilities.
 * While one prediction runs, only the latest drawing waits for the next.
 */
export function setUpDrawPanel(session: Session, error: StepError, onDrawn: () => Promise<void> = async () => {}): void {
  const preview = element('digit', HTMLCanvasElement);
  let busy = false;
  let waiting: Uint8Array | undefined;

  const predict = async (input: Uint8Array): Promise<void> => {
    if (busy) {
      waiting = input;
      return;
    }
    busy = true;
    try {
      // Not while a shader warm-up runs: tfjs would compile the ops without running them.
      await afterWarmUp();
      const prediction = await predictDigit(session.model, input);
      showPrediction(prediction);
      error.clear();
      // Awaited inside the busy section: the next prediction waits for it.
      await onDrawn();
      publishState({ drawing: { ...prediction, input: Array.from(input) } });
    } catch (thrown) {
      error.show(`drawing: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    } finally {
      busy = false;
      const next = waiting;
      waiting = undefined;
      if (next) void predict(next);
    }
  };

  const pad = new DrawPad(element('pad', HTMLCanvasElement), (image) => {
    // The pad's ink is already white on black; its faintest anti-aliased edge counts as ink.
    const input = Uint8Array.from(centerDigit(image, { invert: false, threshold: 0, normalize: true }), Math.round);
    paintDigit(preview, input);
    session.digit = input;
    void predict(input);
  });
  element('clear', HTMLButtonElement).addEventListener('click', () => {
    pad.clear();
    paintDigit(preview, new Uint8Array(28 * 28));
    element('probabilities', HTMLElement).replaceChildren();
    element('argmax', HTMLElement).textContent = '–';
  });
}
