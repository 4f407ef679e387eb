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

/** The heat map's colour scales: the cell's share of its row, or log(1 + count) against log(1 + row). */
export type HeatScale = 'linear' | 'log';

/**
 * How strongly a cell of `count` digits out of its row's `support` is coloured, in [0, 1]: 0 for
 * an empty cell, else from 0.12 (just visible) up to 1. `linear` keeps a large error large;
 * `log` lifts the rare ones into view.
 */
export function heatStrength(count: number, support: number, scale: HeatScale): number {
  if (count === 0 || support === 0) return 0;
  const share = scale === 'log' ? Math.log1p(count) / Math.log1p(support) : count / support;
  return 0.12 + 0.88 * share;
}

/** `total` digits with how many are shown, for gallery titles: "244 digits (the first 48 shown)". */
export function galleryCount(total: number, shown: number): string {
  return `${total.toLocaleString('en')} digit${total === 1 ? '' : 's'}${shown < total ? ` (the first ${shown} shown)` : ''}`;
}

/** Shows the test accuracy, the confusion-matrix heat map, per-class scores and the galleries. */
export function showEvaluation(evaluation: Evaluation, test: MnistSplit): void {
  element('evaluation-results', HTMLElement).hidden = false;
  element('test-accuracy', HTMLElement).textContent = evaluation.accuracy.toFixed(4);
  const scale = element('heat-scale', HTMLSelectElement);
  scale.onchange = () => colourCells(evaluation, scale.value as HeatScale);
  showConfusion(evaluation, test);
  colourCells(evaluation, scale.value as HeatScale);
  showReport(evaluation);
  const wrong = misclassified(evaluation, test.labels);
  const shown = wrong.slice(0, GALLERY_LIMIT);
  element('misclassified-title', HTMLElement).textContent = `Misclassified, most confident first: ${galleryCount(wrong.length, shown.length)}`;
  fillGallery(element('misclassified', HTMLElement), shown, evaluation, test);
  element('cell-title', HTMLElement).hidden = true;
  element('cell-gallery', HTMLElement).replaceChildren();
}

/** Colours the heat map's cells on `scale`: the diagonal in blue, mistakes in orange. */
function colourCells(evaluation: Evaluation, scale: HeatScale): void {
  for (const button of element('confusion', HTMLTableElement).querySelectorAll<HTMLButtonElement>('button[data-true]')) {
    const [t, p] = [Number(button.dataset.true), Number(button.dataset.predicted)];
    const row = evaluation.matrix[t]!;
    const fill = blend(t === p ? DIAGONAL : MISTAKE, heatStrength(row[p]!, row.reduce((a, b) => a + b, 0), scale));
    button.style.background = `rgb(${fill.join(' ')})`;
    button.classList.toggle('dark', luminance(fill) < CROSSOVER);
  }
}

/**
 * Arrow keys, Home and End move the focus through the grid of cell buttons, which is one tab stop
 * (a roving tabindex, as the ARIA grid pattern does): the keyboard does not walk all 100 cells.
 */
function moveFocus(event: KeyboardEvent, buttons: HTMLButtonElement[][], t: number, p: number): void {
  const n = buttons.length;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [Math.max(0, t - 1), p],
    ArrowDown: [Math.min(n - 1, t + 1), p],
    ArrowLeft: [t, Math.max(0, p - 1)],
    ArrowRight: [t, Math.min(n - 1, p + 1)],
    Home: [t, 0],
    End: [t, n - 1],
  };
  const to = moves[event.key];
  if (!to) return;
  event.preventDefault();
  const next = buttons[to[0]]![to[1]]!;
  for (const row of buttons) for (const b of row) b.tabIndex = b === next ? 0 : -1;
  next.focus();
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
  const buttons: HTMLButtonElement[][] = [];
  evaluation.matrix.forEach((row, t) => {
    const tr = body.insertRow();
    tr.append(cell('th', String(t), 'row'));
    buttons.push([]);
    row.forEach((n, p) => {
      const td = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = String(n);
      button.dataset.true = String(t);
      button.dataset.predicted = String(p);
      button.setAttribute('aria-label', `true ${t}, predicted ${p}: ${n} digits`);
      button.setAttribute('aria-pressed', 'false');
      // One tab stop for the grid: the first cell until the arrow keys move it.
      button.tabIndex = t === 0 && p === 0 ? 0 : -1;
      button.addEventListener('click', () => {
        for (const b of table.querySelectorAll('button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', 'true');
        for (const r of buttons) for (const b of r) b.tabIndex = b === button ? 0 : -1;
        showCell(evaluation, test, t, p);
      });
      button.addEventListener('keydown', (event) => moveFocus(event, buttons, t, p));
      buttons[t]!.push(button);
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
  title.textContent = `True ${label}, predicted ${predicted}: ${galleryCount(samples.length, shown)}`;
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
