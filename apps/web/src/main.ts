import './style.css';
import { backendCandidates, selectBackend, webglRenderer, webgpuSupport } from './backend.js';
import { drawVerticalBar, readGreyPixels } from './digit-canvas.js';
import { evaluateTest } from './evaluate/evaluate-test.js';
import { publishError, publishResult, publishState } from './lab-result.js';
import { createLessonModel } from './lesson-model.js';
import { predictDigit } from './predict-digit.js';
import type { Session } from './session.js';
import { setUpDataPanel } from './ui/data-panel.js';
import { setUpDenoisePanel } from './ui/denoise-panel.js';
import { setUpDrawPanel } from './ui/draw-panel.js';
import { showEvaluation } from './ui/evaluation-view.js';
import { showInside } from './ui/inside-view.js';
import { setUpModelPanel } from './ui/model-panel.js';
import { setUpRunsPanel } from './ui/runs-panel.js';
import { stepError } from './ui/step-error.js';
import { setUpTrainingPanel } from './ui/training-panel.js';
import { element, showBackend, showError, showPrediction, showStatus, showSummary } from './view.js';

/** A positive integer from the query string (e.g. `?trainLimit=2000`), or undefined. */
function queryCount(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Picks the backend, builds the lesson's model, predicts once, then sets up the four steps. */
async function main(): Promise<void> {
  document.body.dataset.status = 'loading';
  showStatus('Starting TensorFlow.js…');
  const params = new URLSearchParams(location.search);
  // `?backend=wasm` (or `cpu`) asks for a slower backend, e.g. to try the fallbacks.
  const backend = await selectBackend(backendCandidates(params.get('backend')));
  const renderer = webglRenderer();
  showBackend(backend, renderer);
  const picker = element('backend-select', HTMLSelectElement);
  picker.value = backend.name;
  picker.addEventListener('change', () => {
    // Switching reloads the page: a trained model that is not saved would be lost, so ask first.
    if (document.body.dataset.unsaved === 'true' && !window.confirm('Switching the backend reloads the page, and the trained model has not been saved. Switch anyway?')) {
      picker.value = backend.name;
      return;
    }
    params.set('backend', picker.value);
    location.search = params.toString();
  });
  void offerWebgpu(picker);
  if (params.get('page') === 'table') return showTablePage(params, backend.name);
  linkPages(params, 'digits');

  showStatus('Building the model…');
  const session: Session = {
    backend: backend.name,
    data: undefined,
    model: createLessonModel(),
    trained: false,
    training: false,
    denoise: undefined,
  };
  showSummary(session.model.summary());

  showStatus('Predicting…');
  const canvas = element('digit', HTMLCanvasElement);
  drawVerticalBar(canvas);
  const prediction = await predictDigit(session.model, readGreyPixels(canvas));
  showPrediction(prediction);

  // Each step shows its errors beside its own controls, and clears them when it runs again.
  const errors = { data: stepError('data'), train: stepError('train'), evaluate: stepError('evaluate'), draw: stepError('draw'), model: stepError('model') };
  // Inside the model: the weights and the activations for the drawn digit (else the first test digit).
  const refreshInside = async (): Promise<void> => {
    const digit = session.digit ?? (session.data ? session.data.test.images.subarray(0, 28 * 28) : undefined);
    try {
      await showInside(session.model, digit);
    } catch (error) {
      errors.train.show(`inside the model: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const evaluate = element('evaluate-button', HTMLButtonElement);
  const modelNote = element('model-note', HTMLElement);
  const updateModelPanel = setUpModelPanel(
    session,
    () => {
      evaluate.disabled = session.data === undefined;
      modelNote.textContent = 'A loaded model: draw a digit, it reads it.';
      element('probabilities', HTMLElement).replaceChildren();
      element('argmax', HTMLElement).textContent = '–';
      void refreshInside();
    },
    errors.model,
  );
  const runs = setUpRunsPanel();
  const enableTraining = setUpTrainingPanel(session, {
    onWeightsChanged: () => void refreshInside(),
    onRunEnded: (record) => {
      runs.add(record).then(
        () => publishState({ runs: (window.__labState?.runs ?? 0) + 1 }),
        (error: unknown) => errors.train.show(`runs: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    onTrainingStart: () => {
      evaluate.disabled = true;
      updateModelPanel();
      showSummary(session.model.summary());
    },
    onTrained: () => {
      evaluate.disabled = !session.trained;
      document.body.dataset.unsaved = String(session.trained);
      updateModelPanel();
      modelNote.textContent = !session.trained
        ? 'Training stopped before the first batch: the weights are still the seeded ones.'
        : session.partial
          ? 'Training was stopped early: the model reads digits, less well than a full run would.'
          : 'Trained on your data: draw a digit, it reads it.';
      showStatus(session.trained ? 'Trained. Evaluate it on the test set, or draw a digit.' : 'Ready.');
      void refreshInside();
    },
    error: errors.train,
  });
  const showDenoisePreview = setUpDenoisePanel(session, errors.data);
  setUpDataPanel(
    { train: queryCount(params, 'trainLimit'), test: queryCount(params, 'testLimit') },
    (data) => {
      session.data = data;
      enableTraining();
      showDenoisePreview();
      evaluate.disabled = !session.trained;
      showStatus('Data loaded. Set the training options and start.');
      void refreshInside();
    },
    errors.data,
  );
  evaluate.addEventListener('click', async () => {
    const data = session.data;
    if (!data || session.training) return;
    evaluate.disabled = true;
    errors.evaluate.clear();
    showStatus('Evaluating on the test set…');
    try {
      const evaluation = await evaluateTest(session.model, data.test);
      showEvaluation(evaluation, data.test);
      publishState({ evaluation: { accuracy: evaluation.accuracy, matrix: evaluation.matrix } });
      if (session.runId) void runs.setTestAccuracy(session.runId, evaluation.accuracy);
      showStatus(`Test accuracy ${evaluation.accuracy.toFixed(4)} on ${data.test.count.toLocaleString('en')} images.`);
    } catch (error) {
      errors.evaluate.show(`evaluation: ${error instanceof Error ? error.message : String(error)}`);
      showStatus('Evaluation failed: see the message in step 3.');
    } finally {
      evaluate.disabled = session.training;
    }
  });
  setUpDrawPanel(session, errors.draw, refreshInside);

  showStatus(`Ready on the ${backend.name} backend. Load the data to train.`);
  publishResult({ ...prediction, backend: backend.name, backendFailures: backend.failures, renderer });
}

/** Points the page links at the other page with the same backend, and marks the current one. */
function linkPages(params: URLSearchParams, current: 'digits' | 'table'): void {
  const backend = params.get('backend');
  const query = (page?: string) => `?${new URLSearchParams({ ...(page ? { page } : {}), ...(backend ? { backend } : {}) })}`;
  element('nav-digits', HTMLAnchorElement).href = query();
  element('nav-table', HTMLAnchorElement).href = query('table');
  element(`nav-${current}`, HTMLAnchorElement).setAttribute('aria-current', 'page');
}

/** The "Your own table" page (`?page=table`) instead of the digits: its code is a chunk of its own, fetched only here. */
async function showTablePage(params: URLSearchParams, backend: string): Promise<void> {
  linkPages(params, 'table');
  const { setUpTablePage } = await import('./table/table-page.js');
  setUpTablePage(backend);
}

/**
 * Enables the picker's webgpu option when this browser has a WebGPU adapter; otherwise leaves it
 * disabled and says why beside the picker. `document.body.dataset.webgpu` records the outcome.
 */
async function offerWebgpu(picker: HTMLSelectElement): Promise<void> {
  const option = picker.querySelector<HTMLOptionElement>('option[value="webgpu"]');
  if (!option) return;
  const { reason } = await webgpuSupport();
  option.disabled = reason !== undefined;
  option.textContent = reason === undefined ? 'webgpu (GPU, experimental)' : 'webgpu (unavailable)';
  const note = element('webgpu-note', HTMLElement);
  note.textContent = reason === undefined ? '' : `webgpu is not offered: ${reason}.`;
  note.hidden = reason === undefined;
  document.body.dataset.webgpu = reason === undefined ? 'available' : 'unavailable';
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  showError(message);
  publishError(message);
  console.error(error);
});
