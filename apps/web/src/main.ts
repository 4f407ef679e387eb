import './style.css';
import { backendCandidates, selectBackend } from './backend.js';
import { drawVerticalBar, readGreyPixels } from './digit-canvas.js';
import { publishError, publishResult } from './lab-result.js';
import { createLessonModel } from './lesson-model.js';
import { predictDigit } from './predict-digit.js';
import { element, showBackend, showError, showPrediction, showStatus, showSummary } from './view.js';
import { configureWasmPaths } from './wasm-paths.js';

/** Picks the backend, builds the lesson's model and predicts the drawn digit once. */
async function main(): Promise<void> {
  document.body.dataset.status = 'loading';
  showStatus('Starting TensorFlow.js…');
  configureWasmPaths();
  // `?backend=wasm` (or `cpu`) asks for a slower backend, e.g. to try the fallbacks.
  const backend = await selectBackend(backendCandidates(new URLSearchParams(location.search).get('backend')));
  showBackend(backend);

  showStatus('Building the model…');
  const model = createLessonModel();
  showSummary(model.summary());

  showStatus('Predicting…');
  const canvas = element('digit', HTMLCanvasElement);
  drawVerticalBar(canvas);
  const prediction = await predictDigit(model, readGreyPixels(canvas));
  showPrediction(prediction);
  showStatus(`Ready: one prediction on the ${backend.name} backend.`);
  publishResult({ ...prediction, backend: backend.name, backendFailures: backend.failures });
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  showError(message);
  publishError(message);
  console.error(error);
});
