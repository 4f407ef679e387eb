import uPlot from 'uplot';
import { finalValue, RUN_METRICS, type RunMetric, type RunRecord, runExport, runLabel } from '../history/run-record.js';
import { runStore } from '../history/run-store.js';
import { element } from './element.js';

const COLOURS = ['#1a4fb4', '#b93c0a', '#107c10', '#8764b8', '#c19c00', '#038387', '#ca5010', '#4f6bed'];
const METRIC_NAMES: Record<RunMetric, string> = { val_accuracy: 'validation accuracy', val_loss: 'validation loss', accuracy: 'accuracy', loss: 'loss' };

/** What the rest of the page tells the runs panel. */
export interface RunsPanel {
  /** Keeps a run that just ended (in IndexedDB when it can) and shows it, ticked for comparison. */
  add(record: RunRecord): Promise<void>;
  /** Records the test accuracy of run `id`'s model. */
  setTestAccuracy(id: string, accuracy: number): Promise<void>;
}

/**
 * Runs side by side: every finished run (settings, per-epoch curves, final scores, test accuracy
 * once evaluated) is kept in IndexedDB and listed; ticked runs have their curves overlaid on one
 * chart (a metric to pick, hover read-outs, drag to zoom) with a table of the same values; each
 * run exports as JSON or is deleted. Storage that refuses (a private window) leaves the runs for
 * this page only, and says so.
 */
export function setUpRunsPanel(): RunsPanel {
  const table = element('runs-table', HTMLTableElement);
  const curveTable = element('runs-curve-table', HTMLTableElement);
  const metric = element('runs-metric', HTMLSelectElement);
  const container = element('runs-chart', HTMLElement);
  const status = element('runs-status', HTMLElement);
  let runs: RunRecord[] = [];
  const ticked = new Set<string>();
  let plot: uPlot | undefined;
  let stored = true;

  metric.replaceChildren(...RUN_METRICS.map((m) => new Option(METRIC_NAMES[m], m)));

  const persist = async (action: () => Promise<void>): Promise<void> => {
    if (!stored) return;
    try {
      await action();
    } catch (error) {
      stored = false;
      status.textContent = `Runs are kept for this page only: this browser refused storage (${error instanceof Error ? error.message : String(error)}).`;
    }
  };

  const render = (): void => {
    renderTable();
    renderChart();
    element('runs-clear', HTMLButtonElement).disabled = runs.length === 0;
    element('runs-empty', HTMLElement).hidden = runs.length > 0;
  };

  const renderTable = (): void => {
    const caption = table.caption ?? table.createCaption();
    caption.textContent = `${runs.length} run${runs.length === 1 ? '' : 's'} in this browser, oldest first: tick to compare`;
    const head = document.createElement('thead');
    const hr = head.insertRow();
    for (const name of ['compare', 'started', 'architecture', 'optimizer', 'rate', 'batch', 'epochs', 'seed', 'backend', 'val accuracy', 'test accuracy', 'samples/s', 'actions']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      hr.append(th);
    }
    const body = document.createElement('tbody');
    runs.forEach((run, i) => {
      const tr = body.insertRow();
      tr.dataset.id = run.id;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = ticked.has(run.id);
      box.setAttribute('aria-label', `Compare run ${i + 1}`);
      box.addEventListener('change', () => {
        if (box.checked) ticked.add(run.id);
        else ticked.delete(run.id);
        renderChart();
      });
      tr.insertCell().append(box);
      const s = run.settings;
      const epochs = `${run.epochs.length}/${s.epochs}${run.partialEpoch ? ' (stopped)' : ''}`;
      const val = finalValue(run, 'val_accuracy');
      const cells = [run.startedAt.slice(0, 19).replace('T', ' '), s.architecture, s.optimizer, `${s.learningRate}${s.schedule === 'constant' ? '' : ` (${s.schedule})`}`, String(s.batchSize), epochs, String(s.seed), s.backend, val === undefined ? '–' : val.toFixed(4), run.testAccuracy === undefined ? '–' : run.testAccuracy.toFixed(4), Math.round(run.samplesPerSecond).toLocaleString('en')];
      for (const text of cells) tr.insertCell().textContent = text;
      tr.cells[2]!.className = 'architecture-cell';
      const actions = tr.insertCell();
      const exportButton = document.createElement('button');
      exportButton.type = 'button';
      exportButton.textContent = 'Export JSON';
      exportButton.setAttribute('aria-label', `Export JSON of run ${i + 1}`);
      exportButton.addEventListener('click', () => download(runExport(run)));
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Delete';
      remove.setAttribute('aria-label', `Delete run ${i + 1}`);
      remove.addEventListener('click', async () => {
        runs = runs.filter((r) => r.id !== run.id);
        ticked.delete(run.id);
        await persist(() => runStore.delete(run.id));
        render();
      });
      actions.append(exportButton, ' ', remove);
    });
    table.replaceChildren(caption, head, body);
  };

  const renderChart = (): void => {
    const chosen = runs.filter((r) => ticked.has(r.id));
    const m = metric.value as RunMetric;
    const longest = Math.max(0, ...chosen.map((r) => r.epochs.length));
    const xs = Array.from({ length: longest }, (_, i) => i + 1);
    const data: uPlot.AlignedData = [xs, ...chosen.map((r) => xs.map((_, i) => r.epochs[i]?.[m] ?? null))];
    plot?.destroy();
    plot = new uPlot(
      {
        width: Math.max(240, container.clientWidth),
        height: 240,
        scales: { x: { time: false } },
        axes: [{ label: 'epoch' }, { label: METRIC_NAMES[m], size: 56 }],
        series: [{ label: 'epoch' }, ...chosen.map((r, i) => ({ label: runLabel(r), stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: true, points: { show: true, size: 5 }, value: (_u: uPlot, v: number | null) => (v === null ? '–' : v.toFixed(4)) }))],
        legend: { live: true },
        cursor: { drag: { x: true, y: false } },
      },
      data,
      container,
    );
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', `${METRIC_NAMES[m]} per epoch of ${chosen.length} compared run${chosen.length === 1 ? '' : 's'}; the values are in the table below`);
    container.dataset.series = String(chosen.length);
    // The text alternative: one row per epoch, one column per compared run.
    const caption = document.createElement('caption');
    caption.textContent = `${METRIC_NAMES[m]} per epoch of the compared runs`;
    const head = document.createElement('thead');
    const hr = head.insertRow();
    for (const name of ['epoch', ...chosen.map(runLabel)]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      hr.append(th);
    }
    const body = document.createElement('tbody');
    for (const [i, x] of xs.entries()) {
      const tr = body.insertRow();
      tr.insertCell().textContent = String(x);
      for (const r of chosen) tr.insertCell().textContent = r.epochs[i]?.[m]?.toFixed(4) ?? '–';
    }
    curveTable.replaceChildren(caption, head, body);
  };

  metric.addEventListener('change', renderChart);
  element('runs-clear', HTMLButtonElement).addEventListener('click', async () => {
    runs = [];
    ticked.clear();
    await persist(() => runStore.clear());
    render();
  });
  new ResizeObserver(() => plot?.setSize({ width: Math.max(240, container.clientWidth), height: 240 })).observe(container);

  runStore.list().then(
    (saved) => {
      runs = [...saved, ...runs.filter((r) => !saved.some((s) => s.id === r.id))];
      for (const r of runs.slice(-3)) ticked.add(r.id);
      table.dataset.loaded = 'true';
      render();
    },
    (error: unknown) => {
      stored = false;
      status.textContent = `Runs are kept for this page only: this browser refused storage (${error instanceof Error ? error.message : String(error)}).`;
      table.dataset.loaded = 'true';
      render();
    },
  );
  render();

  return {
    async add(record) {
      runs.push(record);
      ticked.add(record.id);
      await persist(() => runStore.put(record));
      render();
    },
    async setTestAccuracy(id, accuracy) {
      const run = runs.find((r) => r.id === id);
      if (!run) return;
      run.testAccuracy = accuracy;
      await persist(() => runStore.put(run));
      render();
    },
  };
}

function download({ name, text }: { name: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
