import type { Sequential } from '@lab/models';
import { inferTask, type Table, type TablePreprocessing } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import type { PageStatus } from '../lab-result.js';
import { element } from '../ui/element.js';
import { columnOverview } from './column-overview.js';
import { ignoredColumns, showColumns } from './columns-view.js';
import { downloadAll, onPickedFiles } from './file-drop.js';
import { loadTableModelFiles, tableModelFiles } from './model-files.js';
import { showPredictions } from './predictions-view.js';
import { showScores } from './scores-view.js';
import { parseTableConfig } from './table-config.js';
import { parseMarkers, readTableText } from './table-file.js';
import { predictTable } from './table-predict.js';
import { splitTable } from './table-split.js';
import { publishTable } from './table-state.js';
import { trainTable } from './table-training.js';

/** A file's name and text, kept so that it can be read again with other missing markers. */
interface TextFile {
  name: string;
  text: string;
}

/** The model the page predicts with: trained here or loaded from files. */
interface CurrentModel {
  model: Sequential;
  pre: TablePreprocessing;
  source: 'trained' | 'loaded';
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Shows `text` in the error box `box` (hidden when undefined) and publishes it. */
function showStepError(box: HTMLElement, text: string | undefined): void {
  box.textContent = text ?? '';
  box.hidden = text === undefined;
  if (text !== undefined) publishTable({ error: text });
}

/**
 * The "Your own table" page: read a table, pick its target and the columns to ignore, train the
 * table MLP as `lab train --data FILE --target COL` does, see the test scores, download the model
 * as the CLI's three files, load a saved one, and predict raw rows. Shows this page instead of
 * the digits and marks it ready.
 */
export function setUpTablePage(backend: string): void {
  const template = element('table-page-template', HTMLTemplateElement);
  template.replaceWith(template.content.cloneNode(true));
  element('digits-page', HTMLElement).hidden = true;
  document.querySelector('.skip')?.remove();
  document.title = 'lab: train on your own table in your browser';
  const columnsTable = element('table-columns', HTMLTableElement);
  const picker = element('table-target', HTMLSelectElement);
  const markersInput = element('table-missing', HTMLInputElement);
  const form = element('table-form', HTMLFormElement);
  const start = element('table-start', HTMLButtonElement);
  const stop = element('table-stop', HTMLButtonElement);
  const progress = element('table-progress', HTMLProgressElement);
  const trainStatus = element('table-train-status', HTMLElement);
  const modelFiles = element('table-model-files', HTMLInputElement);
  const forget = element('table-forget', HTMLButtonElement);
  const errors = { data: element('table-data-error', HTMLElement), train: element('table-train-error', HTMLElement), predict: element('table-predict-error', HTMLElement) };
  const scoresView = {
    box: element('table-scores', HTMLElement),
    line: element('table-score-line', HTMLElement),
    confusion: element('table-confusion', HTMLTableElement),
    report: element('table-report', HTMLTableElement),
    plotFigure: element('table-plot-figure', HTMLElement),
    plot: element('table-plot', HTMLElement),
  };
  let source: TextFile | undefined;
  let table: Table | undefined;
  let rows: TextFile | undefined;
  let current: CurrentModel | undefined;
  let training = false;
  let stopRequested = false;

  const markers = (): string[] => parseMarkers(markersInput.value);
  const lockWhileTraining = (): void => {
    start.disabled = training || table === undefined;
    stop.disabled = !training;
    modelFiles.disabled = forget.disabled = training;
    for (const input of form.querySelectorAll('input')) input.disabled = training;
  };

  const showTask = (): void => {
    if (!table) return;
    const target = picker.value;
    showColumns(columnsTable, picker, columnOverview(table), new Set(ignoredColumns(columnsTable)), target);
    const { task, reason } = inferTask(table.columns[table.names.indexOf(target)]!);
    element('table-task', HTMLElement).textContent = `Task: ${task} (${reason}).`;
    publishTable({ task: { target, task, reason } });
  };

  const readSource = (): void => {
    if (!source) return;
    try {
      table = readTableText(source.name, source.text, markers());
      const columns = columnOverview(table);
      showColumns(columnsTable, picker, columns, new Set(ignoredColumns(columnsTable)), picker.value || undefined);
      const rowCount = table.columns[0]!.length;
      element('table-status', HTMLElement).textContent = `${source.name}: ${rowCount.toLocaleString('en')} rows, ${columns.length} columns.`;
      publishTable({ table: { name: source.name, rows: rowCount, columns } });
      showStepError(errors.data, undefined);
      showTask();
    } catch (error) {
      table = undefined;
      showStepError(errors.data, message(error));
    }
    lockWhileTraining();
  };

  const predict = async (): Promise<void> => {
    if (!rows || !current) return;
    const status = element('table-predict-status', HTMLElement);
    try {
      const raw = readTableText(rows.name, rows.text, markers());
      const predictions = await predictTable(current.model, current.pre, raw).catch((error: unknown) => {
        throw new Error(`${rows!.name}: ${message(error)}`);
      });
      showPredictions(element('table-predictions', HTMLTableElement), current.pre.target.name, current.pre.target.labels, predictions);
      status.textContent = `Predicted ${predictions.length.toLocaleString('en')} rows of ${rows.name} with the ${current.source} model.`;
      showStepError(errors.predict, undefined);
      publishTable({ predictions });
    } catch (error) {
      status.textContent = '';
      element('table-predictions', HTMLTableElement).hidden = true;
      showStepError(errors.predict, message(error));
      publishTable({ predictions: undefined });
    }
  };

  const useModel = (next: CurrentModel | undefined, note: string): void => {
    current?.model.dispose();
    current = next;
    element('table-model-status', HTMLElement).textContent = note;
    publishTable({ model: next && { source: next.source, features: next.pre.featureNames.length, target: next.pre.target.name } });
    void predict();
  };

  onPickedFiles(element('table-file', HTMLInputElement), element('table-drop', HTMLElement), async ([file]) => {
    source = { name: file!.name, text: await file!.text() };
    readSource();
  });
  markersInput.addEventListener('change', readSource);
  picker.addEventListener('change', showTask);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!table || training) return;
    showStepError(errors.train, undefined);
    let config: ReturnType<typeof parseTableConfig>;
    let ignore: string[];
    let split: ReturnType<typeof splitTable>;
    try {
      config = parseTableConfig(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)])));
      ignore = ignoredColumns(columnsTable);
      split = splitTable(table, { target: picker.value, ignore, seed: config.seed });
    } catch (error) {
      showStepError(errors.train, message(error));
      return;
    }
    training = true;
    stopRequested = false;
    lockWhileTraining();
    progress.value = 0;
    trainStatus.textContent = `Training on ${split.train.target.length} rows, testing on ${split.test.target.length}${split.task === 'classification' ? ' (stratified)' : ''}${split.dropped > 0 ? `; ${split.dropped} rows without a target dropped` : ''}…`;
    publishTable({ training: { state: 'running', epochs: 0 } });
    try {
      const trained = await trainTable(split, ignore, config, {
        onEpoch: (epoch, logs) => {
          progress.value = (epoch + 1) / config.epochs;
          const accuracy = logs.accuracy === undefined ? '' : `, accuracy ${logs.accuracy.toFixed(4)}`;
          trainStatus.textContent = `Epoch ${epoch + 1} of ${config.epochs}: loss ${logs.loss!.toFixed(4)}${accuracy}`;
          publishTable({ training: { state: 'running', epochs: epoch + 1 } });
        },
        shouldStop: () => stopRequested,
      });
      showScores(scoresView, trained.scores);
      publishTable({ training: { state: 'finished', epochs: trained.epochs.length, scores: trained.scores } });
      useModel({ model: trained.model, pre: trained.pre, source: 'trained' }, `The model trained above (${trained.pre.describe()}), predicting '${trained.pre.target.name}'.`);
    } catch (error) {
      showStepError(errors.train, `training: ${message(error)}`);
      publishTable({ training: { state: 'finished', epochs: 0 } });
    } finally {
      training = false;
      lockWhileTraining();
    }
  });
  stop.addEventListener('click', () => {
    stopRequested = true;
  });

  element('table-download', HTMLButtonElement).addEventListener('click', async () => {
    if (!current) return;
    try {
      downloadAll(await tableModelFiles(current.model, current.pre));
    } catch (error) {
      showStepError(errors.train, `download: ${message(error)}`);
    }
  });

  onPickedFiles(modelFiles, undefined, async (files) => {
    try {
      const loaded = await loadTableModelFiles(files);
      const classes = loaded.pre.target.labels ? `: ${loaded.pre.target.labels.join(', ')}` : '';
      useModel({ ...loaded, source: 'loaded' }, `Loaded a model of ${loaded.pre.featureNames.length} features predicting '${loaded.pre.target.name}' (${loaded.pre.target.task}${classes}).`);
      showStepError(errors.predict, undefined);
    } catch (error) {
      showStepError(errors.predict, `model: ${message(error)}`);
    }
  });
  onPickedFiles(element('table-rows', HTMLInputElement), undefined, async ([file]) => {
    rows = { name: file!.name, text: await file!.text() };
    if (!current) showStepError(errors.predict, 'train a model above or load one to predict these rows');
    else await predict();
  });
  forget.addEventListener('click', () => {
    useModel(undefined, 'No model: train one above or load one.');
    scoresView.box.hidden = true;
    element('table-predictions', HTMLTableElement).hidden = true;
    publishTable({ predictions: undefined, training: undefined });
  });

  lockWhileTraining();
  publishTable({ backend, numTensorsAtStart: tf.memory().numTensors });
  element('status', HTMLElement).textContent = `Ready on the ${backend} backend. Pick a table to train on, or load a table model.`;
  document.body.dataset.status = 'ready' satisfies PageStatus;
}
