import type { ColumnOverview } from './column-overview.js';
import { cell, fixed } from './table-dom.js';

/**
 * Shows the columns (kind, missing count, distinct values, a few values) with an "ignore"
 * checkbox each, and fills the target picker, keeping `target` picked when it is a column (else
 * the last column, the usual place of a label). The target's own checkbox is disabled.
 */
export function showColumns(table: HTMLTableElement, picker: HTMLSelectElement, columns: readonly ColumnOverview[], ignored: ReadonlySet<string>, target: string | undefined): void {
  const body = table.tBodies[0]!;
  const chosen = target !== undefined && columns.some((c) => c.name === target) ? target : columns.at(-1)!.name;
  picker.replaceChildren(
    ...columns.map((c) => {
      const option = document.createElement('option');
      option.value = option.textContent = c.name;
      return option;
    }),
  );
  picker.value = chosen;
  picker.disabled = false;
  body.replaceChildren(
    ...columns.map((c) => {
      const tr = document.createElement('tr');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'ignore';
      box.value = c.name;
      box.checked = ignored.has(c.name) && c.name !== chosen;
      box.disabled = c.name === chosen;
      box.setAttribute('aria-label', `ignore ${c.name}`);
      const ignore = document.createElement('td');
      ignore.append(box);
      const values = cell('td', c.examples.join(', ') + (c.distinct > c.examples.length ? ', …' : ''));
      values.className = 'text';
      tr.append(cell('th', c.name, 'row'), cell('td', c.kind), cell('td', fixed(c.missing, 0)), cell('td', fixed(c.distinct, 0)), values, ignore);
      return tr;
    }),
  );
  table.hidden = false;
}

/** The columns ticked "ignore" in the columns table. */
export function ignoredColumns(table: HTMLTableElement): string[] {
  return [...table.querySelectorAll<HTMLInputElement>('input[name=ignore]')].filter((b) => b.checked && !b.disabled).map((b) => b.value);
}
