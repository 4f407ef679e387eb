import type { Logs } from '@lab/models';
import { formatArchitecture } from '../model/architecture.js';
import { epochLogs, type RunRecord, runRecord } from '../history/run-record.js';
import { publishState } from '../lab-result.js';
import { modelMetadata } from '../preprocess/denoise.js';
import type { Session } from '../session.js';
import { formatDuration } from '../train/throughput.js';
import { makeModel, parseTrainingConfig } from '../train/training-config.js';
import { splitSizes } from '../train/split-sizes.js';
import { type BatchProgress, TrainingRun } from '../train/training-run.js';
import { setUpArchitecturePanel } from './architecture-panel.js';
import { element } from './element.js';
import { bindFormToUrl } from './form-url.js';
import type { StepError } from './step-error.js';
import { TrainingChart } from './training-chart.js';

/** Callbacks from the training step to the rest of the page. */
export interface TrainingPanelHooks {
  onTrainingStart(): void;
  onTrained(): void;
  /** A run ended (stopped or not) with at least one batch trained: its record, for the runs panel. */
  onRunEnded(record: RunRecord): void;
  /** A moment to redraw what depends on the weights: a pause, a step, an epoch's end. */
  onWeightsChanged(): void;
  /** The training step's error line. */
  error: StepError;
}

/**
 * The training step: the form (the lesson's settings by default), start / pause / resume / stop,
 * progress with samples per second and time left (a line screen readers are not read every
 * batch; the status announces each epoch and the end), live charts and the per-epoch table. An
 * epoch cut short by Stop is marked partial in the table and gets no epoch point in the charts.
 * The backend picker is locked while a run is active: switching reloads the page.
 * Returns a function to call when data is loaded: it enables the form and shows the split sizes.
 */
export function setUpTrainingPanel(session: Session, hooks: TrainingPanelHooks): () => void {
  const form = element('train-form', HTMLFormElement);
  // Settings from the address first, then the architecture editor reads its text from the form.
  bindFormToUrl(form);
  setUpArchitecturePanel();
  const stepButton = element('step', HTMLButtonElement);
  // Step pressed with no run: the run trains its first batch, then pauses.
  let startPaused = false;
  const [start, pause, stop] = (['start', 'pause', 'stop'] as const).map((id) => element(id, HTMLButtonElement)) as [
    HTMLButtonElement,
    HTMLButtonElement,
    HTMLButtonElement,
  ];
  const status = element('train-status', HTMLElement);
  const progressLine = element('train-progress-line', HTMLElement);
  const progress = element('progress', HTMLProgressElement);
  const picker = element('backend-select', HTMLSelectElement);
  const architecture = element('architecture-editor', HTMLFieldSetElement);
  const pickerNote = element('backend-locked', HTMLElement);
  const table = element('epochs', HTMLTableElement);
  const lossChart = new TrainingChart(element('loss-chart', HTMLElement), 'loss', element('loss-table', HTMLTableElement));
  const accuracyChart = new TrainingChart(element('accuracy-chart', HTMLElement), 'accuracy', element('accuracy-table', HTMLTableElement));
  const logScale = element('loss-log', HTMLInputElement);
  logScale.addEventListener('change', () => {
    lossChart.logScale = logScale.checked;
  });
  let run: TrainingRun | undefined;

  const setButtons = (): void => {
    const active = run !== undefined && run.state !== 'finished';
    start.disabled = active || session.data === undefined;
    pause.disabled = !active || run?.state === 'stopping';
    stop.disabled = !active || run?.state === 'stopping';
    pause.textContent = run?.state === 'paused' ? 'Resume' : 'Pause';
    stepButton.disabled = active ? run?.state !== 'paused' : session.data === undefined;
    for (const field of form.querySelectorAll('input, select')) (field as HTMLInputElement).disabled = active;
    // The editor's buttons too: a disabled fieldset disables everything in it.
    architecture.disabled = active;
    picker.disabled = active;
    pickerNote.hidden = !active;
  };

  const showSizes = (): void => {
    const data = session.data;
    if (!data) return;
    const split = Number(new FormData(form).get('validationSplit'));
    let sizes = { train: Number.NaN, validation: Number.NaN };
    try {
      sizes = splitSizes(data.train.count, split >= 0 && split < 1 ? split : 0);
    } catch {
      // An empty split: the form says so when training starts.
    }
    element('size-train', HTMLElement).textContent = sizes.train.toLocaleString('en');
    element('size-validation', HTMLElement).textContent = sizes.validation.toLocaleString('en');
    element('size-test', HTMLElement).textContent = data.test.count.toLocaleString('en');
    element('sizes', HTMLElement).hidden = false;
    publishState({ data: { train: sizes.train, validation: sizes.validation, test: data.test.count, verified: true } });
  };
  form.addEventListener('input', showSizes);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const pauseFirst = startPaused;
    startPaused = false;
    const data = session.data;
    if (!data || (run && run.state !== 'finished')) return;
    const values: Record<string, string | boolean> = {};
    for (const [key, value] of new FormData(form)) values[key] = String(value);
    let config: ReturnType<typeof parseTrainingConfig>;
    try {
      config = parseTrainingConfig(values);
    } catch (error) {
      hooks.error.show(`training: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    hooks.error.clear();
    session.model.dispose();
    session.model = makeModel(config);
    session.model.metadata = modelMetadata(session.denoise);
    session.trained = false;
    session.training = true;
    hooks.onTrainingStart();
    // The drawn digit's probabilities belong to the old model.
    element('probabilities', HTMLElement).replaceChildren();
    element('argmax', HTMLElement).textContent = '–';
    lossChart.clear();
    accuracyChart.clear();
    table.tBodies[0]?.replaceChildren();
    table.hidden = true;
    progress.value = 0;
    const epochs: Logs[] = [];
    let samplesPerSecond = 0;
    let partialEpoch: { epoch: number; images: number; of: number } | undefined;
    progressLine.textContent = '';
    const started = performance.now();
    const startedAt = new Date();
    try {
      // The same stack and optimizer, for compiling the run's shaders ahead (webgl). No metrics:
      // in compile-only mode every read gives zeros, which a metric would refuse; warmUpShaders
      // compiles the accuracy's programs itself.
      const twin = () => makeModel(config, { metrics: false });
      run = new TrainingRun(session.model, data.train, config, {
        onBatch: (p: BatchProgress) => {
          samplesPerSecond = p.samplesPerSecond;
          lossChart.addBatch(p.position, p.loss);
          accuracyChart.addBatch(p.position, p.accuracy);
          progress.value = p.position / config.epochs;
          const left = p.secondsLeft === undefined ? '' : ` · about ${formatDuration(p.secondsLeft)} left`;
          const pace = samplesPerSecond > 0 ? ` · ${Math.round(samplesPerSecond).toLocaleString('en')} samples/s` : '';
          progressLine.textContent = `Epoch ${Math.min(config.epochs, Math.floor(p.position) + 1)} of ${config.epochs} · loss ${p.loss.toFixed(4)} · accuracy ${p.accuracy.toFixed(4)}${pace}${left}${run?.state === 'paused' ? ' · paused' : ''}`;
          publishState({ training: { state: run?.state ?? 'running', epochs, samplesPerSecond } });
        },
        onPaused: () => {
          status.textContent = `Paused. Step trains one more batch; Resume goes on; Stop ends the run.`;
          if (!progressLine.textContent.endsWith(' · paused')) progressLine.textContent = `${progressLine.textContent} · paused`;
          publishState({ training: { state: 'paused', epochs, samplesPerSecond } });
          setButtons();
          hooks.onWeightsChanged();
        },
        onEpoch: (epoch, logs, partial) => {
          // A stopped epoch's scores cover only part of the data: no epoch point, a marked row.
          if (partial) partialEpoch = { epoch, ...partial };
          else {
            epochs.push(logs);
            lossChart.addEpoch(epoch, logs.loss, logs.val_loss);
            accuracyChart.addEpoch(epoch, logs.accuracy, logs.val_accuracy);
            const val = logs.val_accuracy === undefined ? '' : `, validation accuracy ${logs.val_accuracy.toFixed(4)}`;
            status.textContent = `Epoch ${epoch + 1} of ${config.epochs} done: loss ${logs.loss?.toFixed(4)}${val}.`;
          }
          addEpochRow(table, epoch, logs, partial);
          hooks.onWeightsChanged();
          publishState({ training: { state: run?.state ?? 'running', epochs, samplesPerSecond } });
        },
      }, twin);
    } catch (error) {
      session.training = false;
      hooks.error.show(`training: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const sizes = run.sizes;
    status.textContent = `Training on ${sizes.train.toLocaleString('en')} images…`;
    if (pauseFirst) run.stepFirst();
    setButtons();
    const thisRun = run;
    thisRun.finished
      .then((history) => {
        const seconds = (performance.now() - started) / 1000;
        const full = epochs.length;
        const epochWord = `${full} full epoch${full === 1 ? '' : 's'}`;
        const pace = samplesPerSecond > 0 ? ` at ${Math.round(samplesPerSecond).toLocaleString('en')} samples/s` : '';
        status.textContent = partialEpoch
          ? `Stopped during epoch ${partialEpoch.epoch + 1}, after ${partialEpoch.images.toLocaleString('en')} of ${partialEpoch.of.toLocaleString('en')} images: ${epochWord} in ${formatDuration(seconds)}.`
          : `${full < config.epochs ? 'Stopped' : 'Done'}: ${epochWord.replace('full ', '')} in ${formatDuration(seconds)}${pace}.`;
        progressLine.textContent = '';
        // Trained at all: a stopped epoch still changed the weights.
        session.trained = history.epoch.length > 0;
        session.partial = partialEpoch !== undefined || full < config.epochs;
        if (history.epoch.length > 0) {
          const record = runRecord({
            started: startedAt,
            settings: {
              architecture: formatArchitecture(config.architecture),
              optimizer: config.optimizer,
              learningRate: config.learningRate,
              schedule: config.decay ? `×${config.decayRate} every ${config.decaySteps} steps` : 'constant',
              batchSize: config.batchSize,
              epochs: config.epochs,
              validationSplit: config.validationSplit,
              seed: config.seed,
              backend: session.backend,
              trainImages: sizes.train,
            },
            params: session.model.countParams(),
            epochs: epochs.map(epochLogs),
            ...(partialEpoch ? { partialEpoch } : {}),
            samplesPerSecond,
            seconds,
          });
          session.runId = record.id;
          hooks.onRunEnded(record);
        }
        publishState({ training: { state: 'finished', epochs, samplesPerSecond, ...(partialEpoch ? { partialEpoch } : {}), ...(thisRun.shaders ? { shaders: thisRun.shaders } : {}) } });
      })
      .catch((error: unknown) => hooks.error.show(`training: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        session.training = false;
        setButtons();
        hooks.onTrained();
      });
  });

  pause.addEventListener('click', () => {
    if (run?.state === 'paused') run.resume();
    else run?.pause();
    const paused = run?.state === 'paused';
    status.textContent = paused ? 'Paused. Resume to go on, or stop.' : 'Resumed.';
    progressLine.textContent = paused ? `${progressLine.textContent} · paused` : progressLine.textContent.replace(' · paused', '');
    publishState({ training: { ...(window.__labState?.training ?? { epochs: [], samplesPerSecond: 0 }), state: run?.state ?? 'finished' } });
    setButtons();
  });
  stepButton.addEventListener('click', () => {
    if (run && run.state === 'paused') {
      run.step();
      status.textContent = 'Training one batch…';
      setButtons();
    } else if (!run || run.state === 'finished') {
      startPaused = true;
      form.requestSubmit();
    }
  });
  stop.addEventListener('click', () => {
    run?.stop();
    status.textContent = 'Stopping after this batch…';
    setButtons();
  });

  return () => {
    showSizes();
    setButtons();
  };
}

function addEpochRow(table: HTMLTableElement, epoch: number, logs: Logs, partial?: { images: number; of: number }): void {
  table.hidden = false;
  const row = (table.tBodies[0] ?? table.createTBody()).insertRow();
  const format = (v: number | undefined, digits = 4): string => (v === undefined ? '–' : v.toFixed(digits));
  const label = partial ? `${epoch + 1} (partial: ${partial.images.toLocaleString('en')} of ${partial.of.toLocaleString('en')} images)` : String(epoch + 1);
  if (partial) row.className = 'partial';
  for (const text of [label, format(logs.loss), format(logs.accuracy), format(logs.val_loss), format(logs.val_accuracy), format(logs.seconds, 1)]) {
    row.insertCell().textContent = text;
  }
}
