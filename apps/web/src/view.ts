import { type BackendChoice, isSoftwareRenderer } from './backend.js';
import type { DigitPrediction } from './predict-digit.js';
import { element } from './ui/element.js';

export { element };

/** Shows a one-line status message. */
export function showStatus(text: string): void {
  element('status', HTMLElement).textContent = text;
}

/** Shows the backend in use and, when it is not the first choice, a notice saying why. */
export function showBackend(choice: BackendChoice, renderer?: string): void {
  element('backend', HTMLElement).textContent = choice.name;
  // Which GPU webgl draws with; on a software renderer, the faster backend is proposed.
  element('renderer', HTMLElement).textContent = renderer ? `on ${renderer}` : '';
  const advice = element('renderer-note', HTMLElement);
  advice.hidden = !(renderer && isSoftwareRenderer(renderer));
  if (!advice.hidden) {
    const params = new URLSearchParams(window.location.search);
    params.set('backend', 'wasm');
    const link = document.createElement('a');
    link.id = 'use-wasm';
    link.href = `?${params}`;
    link.textContent = 'Use wasm';
    advice.replaceChildren(`WebGL is drawing with a software renderer (${renderer}), so no GPU is used and the wasm backend is usually faster here. `, link);
  }
  const notice = element('notice', HTMLElement);
  if (choice.failures.length === 0) {
    notice.hidden = true;
    return;
  }
  const reasons = choice.failures.map((f) => `${f.name}: ${f.reason}`).join('; ');
  notice.textContent = `Fell back to the ${choice.name} backend (${reasons}).`;
  notice.hidden = false;
}

/** Shows the model's summary table. */
export function showSummary(summary: string): void {
  element('summary', HTMLElement).textContent = summary;
}

/** Shows the ten class probabilities as bars, the most probable class highlighted. */
export function showPrediction(prediction: DigitPrediction): void {
  element('argmax', HTMLElement).textContent = String(prediction.argmax);
  const list = element('probabilities', HTMLElement);
  list.replaceChildren(
    ...prediction.probabilities.map((p, digit) => {
      const row = document.createElement('li');
      row.className = digit === prediction.argmax ? 'best' : '';
      const label = document.createElement('span');
      label.className = 'digit';
      label.textContent = String(digit);
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${(p * 100).toFixed(1)}%`;
      bar.setAttribute('aria-hidden', 'true');
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = p.toFixed(4);
      row.append(label, bar, value);
      return row;
    }),
  );
}

/** Shows an error in place of the results. */
export function showError(message: string): void {
  const box = element('error', HTMLElement);
  box.textContent = message;
  box.hidden = false;
  showStatus('Failed.');
}
