import { MNIST_FILES } from '@lab/data';
import { loadInWorker } from '../data/load-in-worker.js';
import type { FileSource, MnistData, SplitLimits } from '../data/mnist-data.js';
import { missingMnistFiles, pickMnistFiles } from '../data/mnist-file-name.js';
import { digitTile } from './digit-thumb.js';
import { element } from './element.js';
import type { StepError } from './step-error.js';

// The served folder, relative to the page (the app's own server; see src/server/serve-mnist.ts).
const SERVED = 'mnist/';
const SAMPLE_COUNT = 40;

/**
 * The data step: offers the served MNIST folder when the server has one, and files picked or
 * dropped; loads them in the worker and calls `onLoaded`. Errors are shown in the step, and
 * cleared when a load starts.
 */
export function setUpDataPanel(limits: SplitLimits, onLoaded: (data: MnistData) => void, error: StepError): void {
  const status = element('data-status', HTMLElement);
  const served = element('load-served', HTMLButtonElement);
  const input = element('files', HTMLInputElement);
  const zone = element('drop-zone', HTMLElement);
  let busy = false;

  const load = async (sources: FileSource[]): Promise<void> => {
    if (busy) return;
    busy = true;
    error.clear();
    served.disabled = input.disabled = true;
    try {
      const data = await loadInWorker(sources, limits, (message) => (status.textContent = message));
      status.textContent = `Loaded and verified: ${data.checks.length} files match the published SHA-256.`;
      showChecks(data);
      showSamples(data);
      onLoaded(data);
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      status.textContent = '';
      error.show(`data: ${message}`);
    } finally {
      busy = false;
      served.disabled = input.disabled = false;
    }
  };

  const loadFiles = (files: Iterable<File>): void => {
    const picked = pickMnistFiles(files);
    const missing = missingMnistFiles(picked);
    if (missing.length > 0) {
      error.show(`data: missing ${missing.join(', ')} (raw or .gz); pick all four files at once`);
      return;
    }
    void load([...picked].map(([name, blob]) => ({ name, blob })));
  };

  served.addEventListener('click', () => void load(MNIST_FILES.map((name) => ({ name, url: `${SERVED}${name}` }))));
  input.addEventListener('change', () => input.files && loadFiles(input.files));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer) loadFiles(e.dataTransfer.files);
  });
  void offerServed(served);
}

/** Shows the "load from server" button when the server serves all four files. */
async function offerServed(button: HTMLButtonElement): Promise<void> {
  try {
    const response = await fetch(`${SERVED}index.json`);
    if (!response.ok) return;
    const index: unknown = await response.json();
    const files = typeof index === 'object' && index !== null && 'files' in index ? index.files : [];
    button.hidden = !(Array.isArray(files) && files.length === MNIST_FILES.length);
  } catch {
    // A static host without the folder: picking files is the way.
  }
}

function showChecks(data: MnistData): void {
  element('checks', HTMLElement).replaceChildren(
    ...data.checks.map((check) => {
      const li = document.createElement('li');
      li.textContent = `✓ ${check.name}: ${check.bytes.toLocaleString('en')} bytes, SHA-256 ${check.sha256.slice(0, 16)}…`;
      li.title = check.sha256;
      return li;
    }),
  );
}

function showSamples(data: MnistData): void {
  const { train } = data;
  const n = Math.min(SAMPLE_COUNT, train.count);
  element('samples', HTMLElement).replaceChildren(
    ...Array.from({ length: n }, (_, i) => digitTile(train.images, i, String(train.labels[i]), `training digit ${i}: ${train.labels[i]}`)),
  );
}
