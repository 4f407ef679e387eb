import type { TablePreprocessing } from '@lab/preprocess';
import type { TableScores } from './table-scores.js';

/** What a table run's `report.html` shows. */
export interface TableReportData {
  title: string;
  history: Record<string, number[]>;
  scores: TableScores;
  preprocessing: TablePreprocessing;
  summary?: string;
  /** The run's settings, shown first. */
  settings?: Record<string, string | number>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const fixed = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

/** A scatter plot as inline SVG with axis titles; `line` draws y = x (or y = 0 with `zero`). */
function scatter(xs: readonly number[], ys: readonly number[], titles: { x: string; y: string }, guide: 'identity' | 'zero'): string {
  const [w, h, m] = [420, 320, 48];
  const lo = (v: readonly number[]) => Math.min(...v);
  const hi = (v: readonly number[]) => Math.max(...v);
  const [x0, x1] = guide === 'identity' ? [Math.min(lo(xs), lo(ys)), Math.max(hi(xs), hi(ys))] : [lo(xs), hi(xs)];
  const [y0, y1] = guide === 'identity' ? [x0, x1] : [Math.min(lo(ys), 0), Math.max(hi(ys), 0)];
  const sx = (v: number) => m + ((v - x0) / (x1 - x0 || 1)) * (w - 2 * m);
  const sy = (v: number) => h - m - ((v - y0) / (y1 - y0 || 1)) * (h - 2 * m);
  const points = xs.map((x, i) => `<circle cx="${sx(x).toFixed(1)}" cy="${sy(ys[i]!).toFixed(1)}" r="2.5"/>`).join('');
  const line = guide === 'identity' ? `<line x1="${sx(x0)}" y1="${sy(x0)}" x2="${sx(x1)}" y2="${sy(x1)}"/>` : `<line x1="${m}" y1="${sy(0)}" x2="${w - m}" y2="${sy(0)}"/>`;
  const ticks = (a: number, b: number) => [a, (a + b) / 2, b].map((v) => fixed(v, 1));
  const [tx, ty] = [ticks(x0, x1), ticks(y0, y1)];
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeHtml(titles.y)} against ${escapeHtml(titles.x)}">
<rect x="${m}" y="${m}" width="${w - 2 * m}" height="${h - 2 * m}" fill="none" stroke="#999"/>
<g stroke="#d62728" stroke-dasharray="4 3">${line}</g><g fill="#1f77b4" fill-opacity="0.6">${points}</g>
<g font-size="11" fill="#333">${tx.map((t, i) => `<text x="${m + (i * (w - 2 * m)) / 2}" y="${h - m + 14}" text-anchor="middle">${t}</text>`).join('')}${ty.map((t, i) => `<text x="${m - 6}" y="${h - m - (i * (h - 2 * m)) / 2 + 4}" text-anchor="end">${t}</text>`).join('')}</g>
<text x="${w / 2}" y="${h - 8}" text-anchor="middle" font-size="12">${escapeHtml(titles.x)}</text>
<text transform="translate(12 ${h / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escapeHtml(titles.y)}</text></svg>`;
}

/** The per-epoch history as a table (epoch, then every logged quantity). */
function historyTable(history: Record<string, number[]>): string {
  const keys = Object.keys(history);
  const epochs = history[keys[0] ?? '']?.length ?? 0;
  const rows = Array.from({ length: epochs }, (_, e) => `<tr><td>${e + 1}</td>${keys.map((k) => `<td>${fixed(history[k]![e]!)}</td>`).join('')}</tr>`);
  return `<table id="history"><tr><th>epoch</th>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

/**
 * One self-contained HTML page for a table run: the test scores; for classification the
 * confusion matrix and the per-class table, for regression predicted-vs-actual and residual plots
 * (inline SVG, axis titles in the target's name and units); the fitted preprocessing (columns,
 * kinds, features); the per-epoch history; the model summary.
 */
export function renderTableReport(data: TableReportData): string {
  const { scores, preprocessing: pre } = data;
  const target = pre.target.name;
  const r = scores.report as Record<string, unknown>;
  let body: string;
  if (pre.target.task === 'classification') {
    const names = r.classes as string[];
    const matrix = r.confusion_matrix as number[][];
    const report = r.classification_report as { classes: { name: string; precision: number; recall: number; f1: number; support: number }[] };
    body = `<p>Test accuracy <b>${fixed(r.accuracy as number)}</b>, test loss ${fixed(r.loss as number)} on ${r.samples} rows.</p>
<h2>Confusion matrix</h2><p>Rows: true ${escapeHtml(target)}; columns: predicted.</p>
<table id="cm"><tr><th></th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>${matrix.map((row, i) => `<tr><th>${escapeHtml(names[i]!)}</th>${row.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('')}</table>
<h2>Per-class precision, recall and F1</h2><table id="prf"><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>${report.classes.map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${fixed(c.precision)}</td><td>${fixed(c.recall)}</td><td>${fixed(c.f1)}</td><td>${c.support}</td></tr>`).join('')}</table>`;
  } else {
    const { actual, predicted } = scores.pairs!;
    const residuals = predicted.map((p, i) => actual[i]! - p);
    body = `<p>Test RMSE <b>${fixed(r.rmse as number)}</b>, MAE ${fixed(r.mae as number)}, R² ${fixed(r.r2 as number)} on ${r.samples} rows (${escapeHtml(target)}'s units).</p>
<h2>Predicted against actual</h2>${scatter(actual, predicted, { x: `actual ${target}`, y: `predicted ${target}` }, 'identity')}
<h2>Residuals</h2>${scatter(predicted, residuals, { x: `predicted ${target}`, y: `residual (actual − predicted) ${target}` }, 'zero')}`;
  }
  const json = pre.toJSON();
  const columns = json.columns.map((c) => `<tr><td>${escapeHtml(c.name)}</td><td>${c.kind}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#111;background:#fff}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse}td,th{padding:3px 8px;text-align:right;border:1px solid #ddd}</style></head><body>
<h1>${escapeHtml(data.title)}</h1>
${data.settings ? `<table id="settings">${Object.entries(data.settings).map(([k, v]) => `<tr><th style="text-align:left">${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(String(v))}</td></tr>`).join('')}</table>` : ''}
<p>Target <b>${escapeHtml(target)}</b> (${pre.target.task}).</p>
${body}
<h2>Preprocessing (fitted on the training rows)</h2><p>${escapeHtml(pre.describe())}${json.ignored.length > 0 ? `; ignored: ${escapeHtml(json.ignored.join(', '))}` : ''}.</p>
<table id="columns"><tr><th>column</th><th>kind</th></tr>${columns}</table>
<p>Model inputs: ${escapeHtml(json.featureNames.join(', '))}</p>
<h2>Training history</h2>${historyTable(data.history)}
${data.summary ? `<h2>Model</h2><pre id="summary">${escapeHtml(data.summary)}</pre>` : ''}
</body></html>
`;
}
