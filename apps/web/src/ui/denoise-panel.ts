import { DENOISE_CHOICES, modelInput } from '../preprocess/denoise.js';
import { afterWarmUp } from '../train/warm-up-shaders.js';
import type { Session } from '../session.js';
import { digitTile } from './digit-thumb.js';
import { element } from './element.js';
import type { StepError } from './step-error.js';

const PREVIEW_COUNT = 8;

/**
 * The preprocessing choice: a denoising filter for the next training run, with a before/after
 * preview on the first training digits. Returns the function that redraws the preview (call it
 * when data arrives).
 */
export function setUpDenoisePanel(session: Session, error: StepError): () => void {
  const select = element('denoise', HTMLSelectElement);
  const preview = element('denoise-preview', HTMLElement);

  const show = async (): Promise<void> => {
    const data = session.data;
    if (!data) return;
    await afterWarmUp();
    const { rows, cols } = data.train;
    const n = Math.min(PREVIEW_COUNT, data.train.count);
    const before = data.train.images.subarray(0, n * rows * cols);
    const x = modelInput(before, n, rows, cols, session.denoise);
    let after: Uint8Array;
    try {
      after = Uint8Array.from(await x.data(), (v) => Math.round(v * 255));
    } finally {
      x.dispose();
    }
    const name = session.denoise ? (select.selectedOptions[0]?.textContent ?? select.value) : 'scaled only';
    preview.replaceChildren(
      ...Array.from({ length: n }, (_, i) => {
        const pair = document.createElement('div');
        pair.className = 'pair';
        pair.append(digitTile(before, i, 'before', `digit ${i} before filtering`), digitTile(after, i, name, `digit ${i} after ${name}`));
        return pair;
      }),
    );
  };

  select.addEventListener('change', () => {
    session.denoise = DENOISE_CHOICES[select.value];
    show().then(error.clear, (thrown: unknown) => error.show(`preprocessing: ${thrown instanceof Error ? thrown.message : String(thrown)}`));
  });
  return () => {
    show().then(error.clear, (thrown: unknown) => error.show(`preprocessing: ${thrown instanceof Error ? thrown.message : String(thrown)}`));
  };
}
