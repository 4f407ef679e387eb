import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Column = (number | null)[];

/** The per-epoch values of one run: epoch numbers (1-based) with training and validation values. */
export interface EpochSeries {
  epochs: number[];
  train: (number | null)[];
  validation: (number | null)[];
}

const SERIES: uPlot.Series[] = [
  { label: 'epoch' },
  { label: 'batch', stroke: '#6b9ef0', width: 1, spanGaps: true, points: { show: false } },
  { label: 'train', stroke: '#1a4fb4', width: 2, spanGaps: true, points: { show: true, size: 6 } },
  { label: 'validation', stroke: '#b93c0a', width: 2, dash: [6, 3], spanGaps: true, points: { show: true, size: 6 } },
  { label: 'previous train', stroke: '#9aa5b8', width: 1.5, spanGaps: true, points: { show: true, size: 4 } },
  { label: 'previous validation', stroke: '#d4a08c', width: 1.5, dash: [4, 3], spanGaps: true, points: { show: true, size: 4 } },
];

/**
 * A live line chart of one quantity (loss or accuracy) against epochs: the running value per
 * batch (a thin line), the per-epoch training and validation values (lines with points), and
 * the previous run's epochs in grey for comparison. Hovering reads the values out in the
 * legend; dragging across selects epochs to zoom in, a double click zooms out; `logScale`
 * switches the value axis to a log scale. Beside the chart, a table holds the per-epoch values
 * as text (`table`), the chart's text alternative. Drawn with uPlot on a canvas; updates are
 * batched into one redraw per animation frame.
 */
export class TrainingChart {
  private plot: uPlot;
  private readonly columns: [number[], Column, Column, Column, Column, Column] = [[], [], [], [], [], []];
  private readonly current: EpochSeries = { epochs: [], train: [], validation: [] };
  private previous: EpochSeries | undefined;
  private log = false;
  private pending = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly label: string,
    private readonly table: HTMLTableElement,
  ) {
    this.plot = this.create();
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', `${label} chart; its values are in the table below it`);
    new ResizeObserver(() => this.plot.setSize(this.size())).observe(container);
    this.fillTable();
  }

  /** Adds the running value after a batch, at `position` epochs. */
  addBatch(position: number, value: number): void {
    this.push(position, [value, null, null]);
  }

  /** Adds epoch `epoch`'s (0-based) training and validation values at its end. */
  addEpoch(epoch: number, train: number | undefined, validation: number | undefined): void {
    this.current.epochs.push(epoch + 1);
    this.current.train.push(finite(train));
    this.current.validation.push(finite(validation));
    this.push(epoch + 1, [null, train ?? null, validation ?? null]);
    this.fillTable();
  }

  /** Empties the chart for a new run; the run that ends here stays, in grey, as the previous one. */
  clear(): void {
    this.previous = this.current.epochs.length > 0 ? structuredClone(this.current) : this.previous;
    for (const column of this.columns) column.length = 0;
    this.current.epochs.length = this.current.train.length = this.current.validation.length = 0;
    if (this.previous) {
      this.previous.epochs.forEach((e, i) => {
        this.columns[0].push(e);
        this.columns[1].push(null);
        this.columns[2].push(null);
        this.columns[3].push(null);
        this.columns[4].push(this.previous!.train[i] ?? null);
        this.columns[5].push(this.previous!.validation[i] ?? null);
      });
    }
    this.fillTable();
    this.redraw();
  }

  /** Whether the value axis is logarithmic (values ≤ 0 are then left out). */
  get logScale(): boolean {
    return this.log;
  }

  set logScale(on: boolean) {
    if (on === this.log) return;
    this.log = on;
    this.container.dataset.scale = on ? 'log' : 'linear';
    // uPlot fixes a scale's distribution when the plot is made: make it anew with the same data.
    this.plot.destroy();
    this.plot = this.create();
  }

  private create(): uPlot {
    const options: uPlot.Options = {
      ...this.size(),
      scales: { x: { time: false }, y: this.log ? { distr: 3 } : {} },
      axes: [{ label: 'epoch' }, { label: this.log ? `${this.label} (log)` : this.label, size: 56 }],
      series: SERIES.map((s) => ({ ...s, value: (_u: uPlot, v: number | null) => (v === null ? '–' : v.toFixed(4)) })),
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      // The shown epoch range, for tests and the curious: a drag zooms, a double click resets.
      hooks: {
        setScale: [
          (u, key) => {
            if (key === 'x') this.container.dataset.epochs = `${u.scales.x?.min ?? ''}..${u.scales.x?.max ?? ''}`;
          },
        ],
      },
    };
    return new uPlot(options, this.plotted(), this.container);
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(240, this.container.clientWidth), height: 220 };
  }

  /** The columns, sorted by epoch position (the previous run's points sit among the batches), with non-positive values dropped on a log scale. */
  private plotted(): uPlot.AlignedData {
    const order = this.columns[0].map((_, i) => i).sort((a, b) => this.columns[0][a]! - this.columns[0][b]!);
    const keep = (v: number | null | undefined): number | null => (v === null || v === undefined || (this.log && v <= 0) ? null : v);
    return [order.map((i) => this.columns[0][i]!), ...this.columns.slice(1).map((c) => order.map((i) => keep(c[i])))] as uPlot.AlignedData;
  }

  private push(x: number, values: [number | null, number | null, number | null]): void {
    this.columns[0].push(x);
    values.forEach((v, i) => {
      (this.columns[i + 1] as Column).push(finite(v));
    });
    this.columns[4].push(null);
    this.columns[5].push(null);
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => this.redraw());
  }

  private redraw(): void {
    this.pending = false;
    this.plot.setData(this.plotted());
  }

  /** The text alternative: one row per epoch of this run and of the previous one. */
  private fillTable(): void {
    const format = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : v.toFixed(4));
    const head = ['epoch', `train ${this.label}`, `validation ${this.label}`, ...(this.previous ? [`previous train`, `previous validation`] : [])];
    const rows = Math.max(this.current.epochs.length, this.previous?.epochs.length ?? 0);
    const thead = document.createElement('thead');
    const tr = thead.insertRow();
    for (const name of head) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      tr.append(th);
    }
    const tbody = document.createElement('tbody');
    for (let i = 0; i < rows; i++) {
      const row = tbody.insertRow();
      const cells = [String(i + 1), format(this.current.train[i]), format(this.current.validation[i])];
      if (this.previous) cells.push(format(this.previous.train[i]), format(this.previous.validation[i]));
      for (const text of cells) row.insertCell().textContent = text;
    }
    const caption = this.table.caption ?? this.table.createCaption();
    caption.textContent = `${this.label[0]!.toUpperCase()}${this.label.slice(1)} per epoch${this.previous ? ', with the previous run' : ''}`;
    this.table.replaceChildren(caption, thead, tbody);
  }
}

function finite(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}
