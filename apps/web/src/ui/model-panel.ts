import { loadModel, type ModelTarget } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import type { Session } from '../session.js';
import { showSummary } from '../view.js';
import { element } from './element.js';

/** Where the page keeps its model in IndexedDB, and the name of downloads. */
export const STORED_MODEL = 'indexeddb://lab-mnist';
const DOWNLOAD = 'downloads://lab-mnist';

/**
 * The model step: save the current model in IndexedDB or download it (tfjs-layers format, via
 * `model.save`), and load one back from IndexedDB, picked files or a URL on this origin (e.g. a
 * model written by `lab train`). A loaded model replaces the current one for evaluation and
 * drawing. Returns a function that enables saving once the model is trained.
 */
export function setUpModelPanel(session: Session, onLoaded: () => void, onError: (message: string) => void): () => void {
  const status = element('model-status', HTMLElement);
  const save = element('save-model', HTMLButtonElement);
  const download = element('download-model', HTMLButtonElement);
  const files = element('model-files', HTMLInputElement);
  const urlForm = element('model-url-form', HTMLFormElement);
  const update = (): void => {
    save.disabled = download.disabled = !session.trained || session.training;
  };

  const run = async (what: string, action: () => Promise<string>): Promise<void> => {
    status.textContent = `${what}…`;
    try {
      status.textContent = await action();
    } catch (error) {
      status.textContent = '';
      onError(`model: ${what.toLowerCase()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const load = (what: string, source: ModelTarget): Promise<void> =>
    run(what, async () => {
      if (session.training) throw new Error('wait until training ends');
      const model = await loadModel(source);
      session.model.dispose();
      session.model = model;
      session.trained = true;
      showSummary(model.summary());
      update();
      onLoaded();
      return `Loaded ${model.countParams().toLocaleString('en')} weights from ${typeof source === 'string' ? source : 'the files'}.`;
    });

  save.addEventListener('click', () =>
    run('Saving', async () => {
      const result = await session.model.save(STORED_MODEL);
      return `Saved in this browser (${STORED_MODEL}, ${(result.modelArtifactsInfo.weightDataBytes ?? 0).toLocaleString('en')} bytes of weights).`;
    }),
  );
  download.addEventListener('click', () =>
    run('Downloading', async () => {
      await session.model.save(DOWNLOAD);
      return 'Downloaded lab-mnist.json and lab-mnist.weights.bin.';
    }),
  );
  element('load-model', HTMLButtonElement).addEventListener('click', () => void load('Loading from this browser', STORED_MODEL));
  files.addEventListener('change', () => {
    const picked = [...(files.files ?? [])];
    const json = picked.find((f) => f.name.endsWith('.json'));
    if (!json) return onError('model: pick the model .json file together with its .bin weight files');
    void load('Loading files', tf.io.browserFiles([json, ...picked.filter((f) => f !== json)]));
  });
  urlForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new FormData(urlForm).get('url');
    if (typeof url !== 'string' || url.trim() === '') return;
    // Absolute, so tfjs routes it to its HTTP loader; the page's CSP keeps it on this origin.
    void load('Loading from the URL', new URL(url.trim(), location.href).href);
  });
  update();
  return update;
}
