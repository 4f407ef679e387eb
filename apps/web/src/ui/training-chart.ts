import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Column = (number | null)[];

/**
 * A live line chart of one quantity (loss or accuracy) against epochs: the running value per
 * batch (a thin line) and the per-epoch training and validation values (lines with points).
 * Drawn with uPlot on a canvas; updates are batched into one redraw per animation frame.
 */
export class TrainingChart {
  private readonly plot: uPlot;
  private readonly columns: [number[], Column, Column, Column] = [[], [], [], []];
  private pending = false;

  constructor(container: HTMLElement, label: string) {
    const width = Math.max(240, container.clientWidth);
    const options: uPlot.Options = {
      width,
      height: 220,
      scales: { x: { time: false } },
      axes: [{ label: 'epoch' }, { label, size: 56 }],
      series: [
        { label: 'epoch' },
        { label: 'batch', stroke: '#6b9ef0', width: 1, spanGaps: true, points: { show: false } },
        { label: 'train', stroke: '#1a4fb4', width: 2, spanGaps: true, points: { show: true, size: 6 } },
        { label: 'validation', stroke: '#b93c0a', width: 2, dash: [6, 3], spanGaps: true, points: { show: true, size: 6 } },
      ],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
    };
    this.plot = new uPlot(options, this.columns, container);
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', `${label} chart`);
    new ResizeObserver(() => this.plot.setSize({ width: Math.max(240, container.clientWidth), height: 220 })).observe(container);
  }

  /** Adds the running value after a batch, at `position` epochs. */
  addBatch(position: number, value: number): void {
    this.push(position, [value, null, null]);
  }

  /** Adds epoch `epoch`'s (0-based) training and validation values at its end. */
  addEpoch(epoch: number, train: number | undefined, validation: number | undefined): void {
    this.push(epoch + 1, [null, train ?? null, validation ?? null]);
  }

  /** Empties the chart for a new run. */
  clear(): void {
    for (const column of this.columns) column.length = 0;
    this.redraw();
  }

  private push(x: number, values: [number | null, number | null, number | null]): void {
    this.columns[0].push(x);
    values.forEach((v, i) => {
      (this.columns[i + 1] as Column).push(v !== null && Number.isFinite(v) ? v : null);
    });
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => this.redraw());
  }

  private redraw(): void {
    this.pending = false;
    this.plot.setData(this.columns);
  }
}
