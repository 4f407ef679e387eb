/** A `<th>` (with `scope`) or `<td>` holding `text`. */
export function cell(tag: 'th' | 'td', text: string, scope?: 'col' | 'row'): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (scope) element.scope = scope;
  return element;
}

/** Empties `table` and gives it `caption` and a header row of `names`; returns its body. */
export function resetTable(table: HTMLTableElement, caption: string, names: readonly string[]): HTMLTableSectionElement {
  table.replaceChildren();
  table.createCaption().textContent = caption;
  table.createTHead().insertRow().append(...names.map((n) => cell('th', n, 'col')));
  return table.createTBody();
}

/** A number with `digits` decimals, or its text when it is not finite. */
export const fixed = (v: number, digits = 4): string => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
