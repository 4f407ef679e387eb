import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { TestReport } from './test-report.js';

const require = createRequire(import.meta.url);

/** What `report.html` shows. */
export interface ReportData {
  title: string;
  history: Record<string, number[]>;
  test: TestReport;
  /** uint8 pixels of each misclassified test image (`imageSize`, default 28×28), in `test.misclassified` order. */
  digits: Uint8Array[];
  /** `[rows, cols]` of the images; default MNIST's 28×28. */
  imageSize?: [number, number];
  /** The model's Keras-style summary (layers, output shapes, parameter counts). */
  summary?: string;
  /** The run's settings, shown first (architecture, optimizer, learning rate, batch, epochs, seed, backend, data). */
  settings?: Record<string, string | number>;
}

/**
 * One self-contained HTML page for a run: loss and accuracy curves (uPlot, inlined — no CDN, opens
 * offline), the confusion matrix as a heat map, per-class precision/recall/F1, and a grid of
 * misclassified test digits with their labels. The page exposes what it drew on `window.__report`
 * for tests.
 */
export async function renderReportHtml(data: ReportData): Promise<string> {
  const uplotJs = await fs.readFile(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const uplotCss = await fs.readFile(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const payload = {
    history: data.history,
    matrix: data.test.confusion_matrix,
    classes: data.test.classification_report.classes,
    misclassified: data.test.misclassified,
    digits: data.digits.map((d) => Buffer.from(d).toString('base64')),
    imageSize: data.imageSize ?? [28, 28],
  };
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  // </script> inside JSON would end the script element early; \u003c keeps it inert.
  const json = JSON.stringify(payload).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${uplotCss}
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#111;background:#fff}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
.charts{display:flex;flex-wrap:wrap;gap:24px}table{border-collapse:collapse}td,th{padding:3px 8px;text-align:right;border:1px solid #ddd}
#cm td{width:34px;height:26px;font-variant-numeric:tabular-nums}.grid{display:flex;flex-wrap:wrap;gap:10px}
.digit{text-align:center;font-size:12px}.digit canvas{width:56px;height:56px;image-rendering:pixelated;border:1px solid #ccc;display:block}
</style></head><body>
<h1>${escapeHtml(data.title)}</h1>
${data.settings ? `<table id="settings">${Object.entries(data.settings).map(([k, v]) => `<tr><th style="text-align:left">${escapeHtml(k)}</th><td style="text-align:left">${escapeHtml(String(v))}</td></tr>`).join('')}</table>` : ''}
<p>Test accuracy <b>${data.test.accuracy.toFixed(4)}</b>, test loss ${data.test.loss.toFixed(4)} on ${data.test.samples} samples.</p>
${data.summary ? `<h2>Model</h2><pre id="summary">${escapeHtml(data.summary)}</pre>` : ''}
<h2>Training curves</h2><div class="charts"><div id="loss"></div><div id="accuracy"></div></div>
<h2>Confusion matrix</h2><p>Rows: true digit; columns: predicted digit.</p><table id="cm"></table>
<h2>Per-class precision, recall and F1</h2><table id="prf"><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr></table>
<h2>Misclassified test digits</h2><div class="grid" id="wrong"></div>
<script>${uplotJs}</script>
<script>
const data = ${json};
const epochs = data.history.loss.map((_, i) => i + 1);
const report = { charts: {} };
function chart(id, keys, label) {
  const present = keys.filter((k) => data.history[k]);
  const colors = ['#1f77b4', '#d62728'];
  const u = new uPlot({ title: label, width: 460, height: 260, scales: { x: { time: false } }, axes: [{ label: 'epoch', values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? t : '')) }, { label: label.toLowerCase() }],
    series: [{ label: 'epoch' }, ...present.map((k, i) => ({ label: k, stroke: colors[i], width: 2, points: { show: true } }))] },
    [epochs, ...present.map((k) => data.history[k])], document.getElementById(id));
  report.charts[id] = { series: present, points: epochs.length, axes: u.axes.map((a) => a.label ?? null) };
  return u;
}
chart('loss', ['loss', 'val_loss'], 'Loss');
chart('accuracy', ['accuracy', 'val_accuracy'], 'Accuracy');
const cm = document.getElementById('cm');
const max = Math.max(...data.matrix.flat());
cm.insertRow().innerHTML = '<th></th>' + data.matrix.map((_, j) => '<th>' + j + '</th>').join('');
data.matrix.forEach((row, i) => {
  const tr = cm.insertRow();
  tr.innerHTML = '<th>' + i + '</th>' + row.map((v, j) => {
    const a = Math.sqrt(v / max);
    const bg = i === j ? 'rgba(31,119,180,' + a + ')' : 'rgba(214,39,40,' + a + ')';
    return '<td style="background:' + bg + ';color:' + (a > 0.55 ? '#fff' : '#111') + '" title="true ' + i + ', predicted ' + j + ': ' + v + '">' + v + '</td>';
  }).join('');
});
const prf = document.getElementById('prf');
for (const c of data.classes) prf.insertRow().innerHTML = '<td>' + c.name + '</td><td>' + c.precision.toFixed(3) + '</td><td>' + c.recall.toFixed(3) + '</td><td>' + c.f1.toFixed(3) + '</td><td>' + c.support + '</td>';
const wrong = document.getElementById('wrong');
data.misclassified.forEach((m, k) => {
  const bytes = Uint8Array.from(atob(data.digits[k]), (c) => c.charCodeAt(0));
  const canvas = document.createElement('canvas');
  const [rows, cols] = data.imageSize;
  canvas.width = cols;
  canvas.height = rows;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(cols, rows);
  bytes.forEach((v, p) => { img.data[p * 4] = img.data[p * 4 + 1] = img.data[p * 4 + 2] = 255 - v; img.data[p * 4 + 3] = 255; });
  ctx.putImageData(img, 0, 0);
  const cell = document.createElement('div');
  cell.className = 'digit';
  cell.append(canvas, document.createTextNode('#' + m.index + ': ' + m.label + ' → ' + m.predicted + ' (' + (m.probability * 100).toFixed(0) + '%)'));
  wrong.append(cell);
});
report.matrixCells = cm.querySelectorAll('td').length;
report.digits = wrong.querySelectorAll('canvas').length;
window.__report = report;
document.body.dataset.status = 'ready';
</script></body></html>
`;
}
