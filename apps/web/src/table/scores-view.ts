import type { ClassificationScores, RegressionScores, TableScores } from './table-scores.js';
import { cell, fixed, resetTable } from './table-dom.js';

/** The parts of the page the scores go into. */
export interface ScoresView {
  box: HTMLElement;
  line: HTMLElement;
  confusion: HTMLTableElement;
  report: HTMLTableElement;
  plotFigure: HTMLElement;
  plot: HTMLElement;
}

/** Shows test scores: accuracy with the confusion matrix and per-class scores, or RMSE / MAE / R² with a plot of predicted against actual. */
export function showScores(view: ScoresView, scores: TableScores): void {
  view.box.hidden = false;
  const classification = scores.task === 'classification';
  view.confusion.hidden = view.report.hidden = !classification;
  view.plotFigure.hidden = classification;
  if (scores.task === 'classification') showClassification(view, scores);
  else showRegression(view, scores);
}

function showClassification(view: ScoresView, scores: ClassificationScores): void {
  view.line.textContent = `Test accuracy ${fixed(scores.accuracy)} on ${scores.samples} rows (loss ${fixed(scores.loss)}).`;
  const body = resetTable(view.confusion, 'Confusion matrix: rows are true classes, columns predicted', ['true ╲ predicted', ...scores.classes]);
  scores.matrix.forEach((row, t) => {
    const tr = body.insertRow();
    tr.append(cell('th', scores.classes[t]!, 'row'), ...row.map((n, p) => {
      const td = cell('td', String(n));
      if (n > 0) td.className = t === p ? 'hit' : 'miss';
      return td;
    }));
  });
  const report = resetTable(view.report, 'Per class', ['class', 'precision', 'recall', 'F1', 'support']);
  for (const c of scores.perClass) report.insertRow().append(cell('th', c.label, 'row'), cell('td', fixed(c.precision)), cell('td', fixed(c.recall)), cell('td', fixed(c.f1)), cell('td', String(c.support)));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  if (text !== undefined) element.textContent = text;
  return element;
}

function showRegression(view: ScoresView, scores: RegressionScores): void {
  view.line.textContent = `Test RMSE ${fixed(scores.rmse)}, MAE ${fixed(scores.mae)}, R² ${fixed(scores.r2)} on ${scores.samples} rows (loss ${fixed(scores.loss)}, MSE of the standardized target).`;
  const [w, h, pad] = [360, 300, 44];
  const all = [...scores.actual, ...scores.predicted].filter(Number.isFinite);
  let [lo, hi] = [Math.min(...all), Math.max(...all)];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const x = (v: number) => pad + ((v - lo) / (hi - lo)) * (w - pad - 10);
  const y = (v: number) => h - pad - ((v - lo) / (hi - lo)) * (h - pad - 10);
  const plot = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': `Predicted against actual for ${scores.samples} test rows, RMSE ${fixed(scores.rmse)}` });
  plot.append(
    svg('line', { x1: x(lo), y1: y(lo), x2: x(hi), y2: y(hi), stroke: '#767682', 'stroke-dasharray': '4 3' }),
    svg('line', { x1: pad, y1: h - pad, x2: w - 10, y2: h - pad, stroke: '#1b1b1f' }),
    svg('line', { x1: pad, y1: 10, x2: pad, y2: h - pad, stroke: '#1b1b1f' }),
    svg('text', { x: (w + pad) / 2, y: h - 8, 'text-anchor': 'middle', 'font-size': 12 }, 'actual'),
    svg('text', { x: 12, y: (h - pad) / 2, 'text-anchor': 'middle', 'font-size': 12, transform: `rotate(-90 12 ${(h - pad) / 2})` }, 'predicted'),
    svg('text', { x: pad, y: h - pad + 16, 'text-anchor': 'middle', 'font-size': 11 }, fixed(lo, 1)),
    svg('text', { x: w - 10, y: h - pad + 16, 'text-anchor': 'end', 'font-size': 11 }, fixed(hi, 1)),
    svg('text', { x: pad - 4, y: 14, 'text-anchor': 'end', 'font-size': 11 }, fixed(hi, 1)),
    ...scores.actual.map((a, i) => svg('circle', { cx: x(a), cy: y(scores.predicted[i]!), r: 2.5, fill: '#1a4fb4', 'fill-opacity': 0.7 })),
  );
  // The text alternative: every test row's actual and predicted value.
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Predicted and actual as a table';
  const table = document.createElement('table');
  table.className = 'numbers';
  table.id = 'table-plot-values';
  const body = resetTable(table, `The ${scores.samples} test rows`, ['test row', 'actual', 'predicted', 'error']);
  scores.actual.forEach((a, i) => {
    const p = scores.predicted[i]!;
    body.insertRow().append(cell('th', String(i + 1), 'row'), cell('td', fixed(a)), cell('td', fixed(p)), cell('td', fixed(p - a)));
  });
  const scroll = document.createElement('div');
  scroll.className = 'scroll';
  scroll.append(table);
  details.append(summary, scroll);
  view.plot.replaceChildren(plot, details);
}
