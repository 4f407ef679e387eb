import type { Logs } from '@lab/models';
import { createLessonModel } from '../lesson-model.js';
import { publishState } from '../lab-result.js';
import { modelMetadata } from '../preprocess/denoise.js';
import type { Session } from '../session.js';
import { formatDuration } from '../train/throughput.js';
import { makeOptimizer, parseTrainingConfig } from '../train/training-config.js';
import { splitSizes } from '../train/split-sizes.js';
import { type BatchProgress, TrainingRun } from '../train/training-run.js';
import { element } from './element.js';
import { TrainingChart } from './training-chart.js';

/** Callbacks from the training step to the rest of the page. */
export interface TrainingPanelHooks {
  onTrainingStart(): void;
  onTrained(): void;
  onError(message: string): void;
}

/**
 * The training step: the form (the lesson's settings by default), start / pause / resume / stop,
 * progress with samples per second and time left, live charts and the per-epoch table.
 * Returns a function to call when data is loaded: it enables the form and shows the split sizes.
 */
export function setUpTrainingPanel(session: Session, hooks: TrainingPanelHooks): () => void {
  const form = element('train-form', HTMLFormElement);
  const [start, pause, stop] = (['start', 'pause', 'stop'] as const).map((id) => element(id, HTMLButtonElement)) as [
    HTMLButtonElement,
    HTMLButtonElement,
    HTMLButtonElement,
  ];
  const status = element('train-status', HTMLElement);
  const progress = element('progress', HTMLProgressElement);
  const speed = element('speed', HTMLElement);
  const table = element('epochs', HTMLTableElement);
  const lossChart = new TrainingChart(element('loss-chart', HTMLElement), 'loss');
  const accuracyChart = new TrainingChart(element('accuracy-chart', HTMLElement), 'accuracy');
  let run: TrainingRun | undefined;

  const setButtons = (): void => {
    const active = run !== undefined && run.state !== 'finished';
    start.disabled = active || session.data === undefined;
    pause.disabled = !active || run?.state === 'stopping';
    stop.disabled = !active || run?.state === 'stopping';
    pause.textContent = run?.state === 'paused' ? 'Resume' : 'Pause';
    for (const field of form.querySelectorAll('input, select')) (field as HTMLInputElement).disabled = active;
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
    const data = session.data;
    if (!data || (run && run.state !== 'finished')) return;
    const values: Record<string, string | boolean> = {};
    for (const [key, value] of new FormData(form)) values[key] = String(value);
    let config: ReturnType<typeof parseTrainingConfig>;
    try {
      config = parseTrainingConfig(values);
    } catch (error) {
      hooks.onError(`training: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    session.model.dispose();
    session.model = createLessonModel({ hiddenUnits: config.hiddenUnits, optimizer: makeOptimizer(config) });
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
    const started = performance.now();
    try {
      run = new TrainingRun(session.model, data.train, config, {
        onBatch: (p: BatchProgress) => {
          samplesPerSecond = p.samplesPerSecond;
          lossChart.addBatch(p.position, p.loss);
          accuracyChart.addBatch(p.position, p.accuracy);
          progress.value = p.position / config.epochs;
          const left = p.secondsLeft === undefined ? '' : ` · about ${formatDuration(p.secondsLeft)} left`;
          status.textContent = `Epoch ${Math.min(config.epochs, Math.floor(p.position) + 1)} of ${config.epochs} · loss ${p.loss.toFixed(4)} · accuracy ${p.accuracy.toFixed(4)}${left}${run?.state === 'paused' ? ' · paused' : ''}`;
          speed.textContent = samplesPerSecond > 0 ? `· ${Math.round(samplesPerSecond).toLocaleString('en')} samples/s` : '';
          publishState({ training: { state: run?.state ?? 'running', epochs, samplesPerSecond } });
        },
        onEpoch: (epoch, logs) => {
          epochs.push(logs);
          lossChart.addEpoch(epoch, logs.loss, logs.val_loss);
          accuracyChart.addEpoch(epoch, logs.accuracy, logs.val_accuracy);
          addEpochRow(table, epoch, logs);
          publishState({ training: { state: run?.state ?? 'running', epochs, samplesPerSecond } });
        },
      });
    } catch (error) {
      session.training = false;
      hooks.onError(`training: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const sizes = run.sizes;
    status.textContent = `Training on ${sizes.train.toLocaleString('en')} images…`;
    setButtons();
    const thisRun = run;
    thisRun.finished
      .then((history) => {
        const seconds = (performance.now() - started) / 1000;
        const done = history.epoch.length;
        status.textContent = `${thisRun.state === 'finished' && done < config.epochs ? 'Stopped' : 'Done'}: ${done} epoch${done === 1 ? '' : 's'} in ${formatDuration(seconds)}.`;
        session.trained = done > 0;
        publishState({ training: { state: 'finished', epochs, samplesPerSecond } });
      })
      .catch((error: unknown) => hooks.onError(`training: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        session.training = false;
        setButtons();
        hooks.onTrained();
      });
  });

  pause.addEventListener('click', () => {
    if (run?.state === 'paused') run.resume();
    else run?.pause();
    status.textContent = run?.state === 'paused' ? `${status.textContent} · paused` : status.textContent.replace(' · paused', '');
    publishState({ training: { ...(window.__labState?.training ?? { epochs: [], samplesPerSecond: 0 }), state: run?.state ?? 'finished' } });
    setButtons();
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

function addEpochRow(table: HTMLTableElement, epoch: number, logs: Logs): void {
  table.hidden = false;
  const row = (table.tBodies[0] ?? table.createTBody()).insertRow();
  const format = (v: number | undefined, digits = 4): string => (v === undefined ? '–' : v.toFixed(digits));
  for (const text of [String(epoch + 1), format(logs.loss), format(logs.accuracy), format(logs.val_loss), format(logs.val_accuracy), format(logs.seconds, 1)]) {
    row.insertCell().textContent = text;
  }
}
