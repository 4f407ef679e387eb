import type { MnistSplit } from '@lab/data';
import { cellSamples, type Evaluation, misclassified } from '../evaluate/evaluate-test.js';
import { NUM_CLASSES } from '../lesson-model.js';
import { digitTile } from './digit-thumb.js';
import { element } from './element.js';

const DIAGONAL: Rgb = [26, 79, 180];
const MISTAKE: Rgb = [185, 60, 10];
// Below this luminance white text contrasts more than near-black (both ≥ 4.5:1 around it).
const CROSSOVER = 0.179;

type Rgb = [number, number, number];

/** `color` at `alpha` over white, opaque. */
function blend(color: Rgb, alpha: number): Rgb {
  return color.map((c) => Math.round(255 - (255 - c) * alpha)) as Rgb;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(color: Rgb): number {
  const [r, g, b] = color.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Enough tiles to see a pattern without making hundreds of canvases.
const GALLERY_LIMIT = 48;

/** Shows the test accuracy, the confusion-matrix heat map, per-class scores and the galleries. */
export function showEvaluation(evaluation: Evaluation, test: MnistSplit): void {
  element('evaluation-results', HTMLElement).hidden = false;
  element('test-accuracy', HTMLElement).textContent = evaluation.accuracy.toFixed(4);
  showConfusion(evaluation, test);
  showReport(evaluation);
  const wrong = misclassified(evaluation, test.labels);
  fillGallery(element('misclassified', HTMLElement), wrong.slice(0, GALLERY_LIMIT), evaluation, test);
  element('cell-title', HTMLElement).hidden = true;
  element('cell-gallery', HTMLElement).replaceChildren();
}

function showConfusion(evaluation: Evaluation, test: MnistSplit): void {
  const table = element('confusion', HTMLTableElement);
  const caption = table.caption;
  table.replaceChildren(...(caption ? [caption] : []));
  const head = table.createTHead().insertRow();
  const corner = cell('th', 'true╲pred', 'col');
  corner.className = 'corner';
  corner.setAttribute('aria-label', 'true digit by row, predicted digit by column');
  head.append(corner);
  for (let p = 0; p < NUM_CLASSES; p++) head.append(cell('th', String(p), 'col'));
  const body = table.createTBody();
  evaluation.matrix.forEach((row, t) => {
    const tr = body.insertRow();
    tr.append(cell('th', String(t), 'row'));
    const support = row.reduce((a, b) => a + b, 0);
    row.forEach((n, p) => {
      const td = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = String(n);
      button.dataset.true = String(t);
      button.dataset.predicted = String(p);
      button.setAttribute('aria-label', `true ${t}, predicted ${p}: ${n} digits`);
      // Heat by the share of the row, so rare mistakes still show; the diagonal in another hue.
      const share = support === 0 ? 0 : n / support;
      const strength = n === 0 ? 0 : 0.12 + 0.88 * Math.sqrt(share);
      const fill = blend(t === p ? DIAGONAL : MISTAKE, strength);
      button.style.background = `rgb(${fill.join(' ')})`;
      button.classList.toggle('dark', luminance(fill) < CROSSOVER);
      button.addEventListener('click', () => showCell(evaluation, test, t, p));
      td.append(button);
      tr.append(td);
    });
  });
}

function showCell(evaluation: Evaluation, test: MnistSplit, label: number, predicted: number): void {
  const samples = cellSamples(evaluation, test.labels, label, predicted);
  const title = element('cell-title', HTMLElement);
  title.hidden = false;
  const shown = Math.min(samples.length, GALLERY_LIMIT);
  title.textContent = `True ${label}, predicted ${predicted}: ${samples.length} digits${shown < samples.length ? ` (first ${shown})` : ''}`;
  fillGallery(element('cell-gallery', HTMLElement), samples.slice(0, GALLERY_LIMIT), evaluation, test);
  title.scrollIntoView({ block: 'nearest' });
}

function showReport(evaluation: Evaluation): void {
  const table = element('report', HTMLTableElement);
  const caption = table.caption;
  table.replaceChildren(...(caption ? [caption] : []));
  const head = table.createTHead().insertRow();
  for (const name of ['digit', 'precision', 'recall', 'F1', 'support']) head.append(cell('th', name, 'col'));
  const body = table.createTBody();
  evaluation.scores.forEach((s, c) => {
    const tr = body.insertRow();
    tr.append(cell('th', String(c), 'row'));
    for (const v of [s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), String(s.support)]) tr.append(cell('td', v));
  });
}

/** Tiles for `indices`: each digit with its true label, prediction and top probabilities. */
function fillGallery(gallery: HTMLElement, indices: number[], evaluation: Evaluation, test: MnistSplit): void {
  gallery.replaceChildren(
    ...indices.map((i) => {
      const probabilities = Array.from(evaluation.probabilities.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
      const top = probabilities
        .map((p, digit) => ({ p, digit }))
        .sort((a, b) => b.p - a.p)
        .slice(0, 3)
        .map(({ p, digit }) => `${digit}: ${p.toFixed(2)}`)
        .join(' · ');
      const label = test.labels[i]!;
      const predicted = evaluation.predictions[i]!;
      const caption = `${label} → ${predicted}\n${top}`;
      return digitTile(test.images, i, caption, `test digit ${i}: true ${label}, predicted ${predicted} (${top})`);
    }),
  );
}

function cell(kind: 'th' | 'td', text: string, scope?: 'row' | 'col'): HTMLTableCellElement {
  const c = document.createElement(kind);
  c.textContent = text;
  if (scope) c.scope = scope;
  return c;
}
