import type { TableRowPrediction } from './table-predict.js';
import { cell, fixed, resetTable } from './table-dom.js';

// A few thousand rows are fine in a table; beyond that the page would only slow down.
const SHOWN = 2000;

/** Shows each row's prediction: the class and every class's probability, or the value. */
export function showPredictions(table: HTMLTableElement, target: string, labels: readonly string[] | undefined, predictions: readonly TableRowPrediction[]): void {
  const shown = predictions.slice(0, SHOWN);
  const more = predictions.length > SHOWN ? ` (the first ${SHOWN} of ${predictions.length})` : '';
  const body = resetTable(table, `Predictions of ${target}, row by row${more}`, ['row', `predicted ${target}`, ...(labels ?? []).map((l) => `P(${l})`)]);
  for (const p of shown) {
    const tr = body.insertRow();
    tr.append(cell('th', String(p.row), 'row'), cell('td', typeof p.predicted === 'number' ? fixed(p.predicted) : p.predicted));
    for (const label of labels ?? []) tr.append(cell('td', fixed(p.probabilities![label]!)));
  }
  table.hidden = false;
}
