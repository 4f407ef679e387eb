import { loadModel, type ModelTarget } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import type { Session } from '../session.js';
import { showSummary } from '../view.js';
import { element } from './element.js';
import type { StepError } from './step-error.js';

/** Where the page keeps its model in IndexedDB, and the name of downloads. */
export const STORED_MODEL = 'indexeddb://lab-mnist';
const DOWNLOAD = 'downloads://lab-mnist';

/**
 * The model step: save the current model in IndexedDB or download it (tfjs-layers format, via
 * `model.save`), and load one back from IndexedDB, picked files or a URL on this origin (e.g. a
 * model written by `lab train`). A loaded model replaces the current one for evaluation and
 * drawing. "Load from this browser" is enabled only once a model is stored there. Returns a
 * function that enables saving once the model is trained.
 */
export function setUpModelPanel(session: Session, onLoaded: () => void, error: StepError): () => void {
  const status = element('model-status', HTMLElement);
  const save = element('save-model', HTMLButtonElement);
  const download = element('download-model', HTMLButtonElement);
  const files = element('model-files', HTMLInputElement);
  const urlForm = element('model-url-form', HTMLFormElement);
  const loadStored = element('load-model', HTMLButtonElement);
  loadStored.disabled = true;
  loadStored.title = 'Nothing is saved in this browser yet';
  const storedNow = (stored: boolean): void => {
    loadStored.disabled = !stored;
    loadStored.title = stored ? '' : 'Nothing is saved in this browser yet';
  };
  // Storage may be unavailable (private windows, blocked cookies): then there is nothing to load.
  tf.io.listModels().then(
    (models) => storedNow(STORED_MODEL in models),
    () => storedNow(false),
  );
  const update = (): void => {
    save.disabled = download.disabled = !session.trained || session.training;
  };

  const run = async (what: string, action: () => Promise<string>): Promise<void> => {
    status.textContent = `${what}…`;
    error.clear();
    try {
      status.textContent = await action();
    } catch (thrown) {
      status.textContent = '';
      error.show(`model: ${what.toLowerCase()}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
  };

  const load = (what: string, source: ModelTarget, from = typeof source === 'string' ? source : 'the files'): Promise<void> =>
    run(what, async () => {
      if (session.training) throw new Error('wait until training ends');
      const model = await loadModel(source);
      session.model.dispose();
      session.model = model;
      session.trained = true;
      session.partial = false;
      session.runId = undefined;
      document.body.dataset.unsaved = 'false';
      showSummary(model.summary());
      update();
      onLoaded();
      return `Loaded ${model.countParams().toLocaleString('en')} weights from ${from}.`;
    });

  save.addEventListener('click', () =>
    run('Saving', async () => {
      const result = await session.model.save(STORED_MODEL);
      storedNow(true);
      document.body.dataset.unsaved = 'false';
      return `Saved in this browser (${STORED_MODEL}, ${(result.modelArtifactsInfo.weightDataBytes ?? 0).toLocaleString('en')} bytes of weights).`;
    }),
  );
  download.addEventListener('click', () =>
    run('Downloading', async () => {
      await session.model.save(DOWNLOAD);
      document.body.dataset.unsaved = 'false';
      return 'Downloaded lab-mnist.json and lab-mnist.weights.bin.';
    }),
  );
  loadStored.addEventListener('click', () => void load('Loading from this browser', STORED_MODEL));
  files.addEventListener('change', () => {
    const picked = [...(files.files ?? [])];
    const json = picked.find((f) => f.name.endsWith('.json'));
    if (!json) return error.show('model: pick the model .json file together with its .bin weight files');
    void load('Loading files', tf.io.browserFiles([json, ...picked.filter((f) => f !== json)]));
  });
  urlForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new FormData(urlForm).get('url');
    if (typeof url !== 'string' || url.trim() === '') return;
    // tfjs's HTTP handler itself, not a URL string: the router that maps http:// to it registers
    // as a side effect of tfjs-core's module, which the production bundle drops. The page's CSP
    // keeps the request on this origin.
    const href = new URL(url.trim(), location.href).href;
    void load('Loading from the URL', tf.io.http(href), href);
  });
  update();
  return update;
}
