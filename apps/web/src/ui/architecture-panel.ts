import { ACTIVATIONS } from '@lab/models';
import {
  architectureShapes,
  defaultLayer,
  formatArchitecture,
  LAYER_KINDS,
  type LayerKind,
  type LayerSpec,
  PRESETS,
  parseArchitecture,
} from '../model/architecture.js';
import { element } from './element.js';

type Field = { name: string; label: string; kind: 'integer' | 'rate' | 'activation' | 'padding' };

/** The editable parameters of each layer kind, in the order the text form lists them. */
const FIELDS: Record<LayerKind, Field[]> = {
  dense: [
    { name: 'units', label: 'units', kind: 'integer' },
    { name: 'activation', label: 'activation', kind: 'activation' },
  ],
  conv: [
    { name: 'filters', label: 'filters', kind: 'integer' },
    { name: 'kernel', label: 'kernel', kind: 'integer' },
    { name: 'activation', label: 'activation', kind: 'activation' },
    { name: 'padding', label: 'padding', kind: 'padding' },
    { name: 'strides', label: 'stride', kind: 'integer' },
  ],
  maxpool: [{ name: 'pool', label: 'pool', kind: 'integer' }],
  avgpool: [{ name: 'pool', label: 'pool', kind: 'integer' }],
  dropout: [{ name: 'rate', label: 'rate', kind: 'rate' }],
  batchnorm: [],
  flatten: [],
  gap: [],
};

/**
 * The architecture editor in the training form: a preset (the lesson's MLP, the Keras convnet)
 * or a stack of layers edited row by row (add, move, remove, change a parameter) or as text (the
 * form's `architecture` field, which the URL keeps), with every layer's output shape and
 * parameter count, validated as you edit: the error names the layer at fault. Returns a function
 * that re-reads the text field (after the URL or a preset set it).
 */
export function setUpArchitecturePanel(): () => void {
  const text = element('arch-text', HTMLInputElement);
  const preset = element('arch-preset', HTMLSelectElement);
  const list = element('arch-layers', HTMLOListElement);
  const summary = element('arch-summary', HTMLTableElement);
  const error = element('arch-error', HTMLElement);
  const addKind = element('arch-add-kind', HTMLSelectElement);
  let layers: LayerSpec[] = [];

  addKind.replaceChildren(...(Object.entries(LAYER_KINDS) as [LayerKind, string][]).map(([kind, name]) => new Option(name, kind)));

  /** Shows shapes and counts, or the error; true when the stack is valid. */
  const check = (): boolean => {
    try {
      const rows = architectureShapes(layers);
      error.hidden = true;
      showSummary(summary, rows);
      text.setCustomValidity('');
      return true;
    } catch (e) {
      error.textContent = `architecture: ${e instanceof Error ? e.message : String(e)}`;
      error.hidden = false;
      summary.replaceChildren();
      text.setCustomValidity(error.textContent);
      return false;
    }
  };

  /** The rows changed: write the text, keep the URL in step (an input event), check. */
  const changed = (): void => {
    text.value = formatArchitecture(layers);
    text.dispatchEvent(new Event('input', { bubbles: true }));
    syncPreset();
    renderRows();
    check();
  };

  const syncPreset = (): void => {
    const match = (Object.entries(PRESETS) as [keyof typeof PRESETS, string][]).find(([, t]) => t === text.value.replace(/\s+/g, ''));
    preset.value = match ? match[0] : 'custom';
  };

  const renderRows = (): void => {
    list.replaceChildren(
      ...layers.map((spec, i) => {
        const item = document.createElement('li');
        const name = document.createElement('span');
        name.className = 'arch-kind';
        name.textContent = LAYER_KINDS[spec.kind];
        item.append(name);
        for (const field of FIELDS[spec.kind]) item.append(fieldInput(spec, field, i, (value) => {
          layers[i] = { ...spec, [field.name]: value } as LayerSpec;
          changed();
        }));
        const move = (label: string, to: number, symbol: string): HTMLButtonElement => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'icon';
          button.textContent = symbol;
          button.setAttribute('aria-label', `${label} layer ${i + 1} (${LAYER_KINDS[spec.kind]})`);
          button.disabled = to < 0 || to >= layers.length;
          button.addEventListener('click', () => {
            const [moved] = layers.splice(i, 1);
            layers.splice(to, 0, moved!);
            changed();
          });
          return button;
        };
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'icon';
        remove.textContent = '✕';
        remove.setAttribute('aria-label', `Remove layer ${i + 1} (${LAYER_KINDS[spec.kind]})`);
        remove.addEventListener('click', () => {
          layers.splice(i, 1);
          changed();
        });
        item.append(move('Move up', i - 1, '↑'), move('Move down', i + 1, '↓'), remove);
        return item;
      }),
    );
  };

  /** Reads the text field into rows; a text that does not parse keeps the rows and shows why. */
  const readText = (): void => {
    syncPreset();
    try {
      layers = parseArchitecture(text.value);
    } catch (e) {
      error.textContent = `architecture: ${e instanceof Error ? e.message : String(e)}`;
      error.hidden = false;
      text.setCustomValidity(error.textContent);
      summary.replaceChildren();
      return;
    }
    renderRows();
    check();
  };

  text.addEventListener('input', (event) => {
    // Our own input events (from the rows) carry no new text to read.
    if (event.isTrusted) readText();
  });
  preset.addEventListener('change', () => {
    if (preset.value === 'custom') return;
    text.value = PRESETS[preset.value as keyof typeof PRESETS];
    text.dispatchEvent(new Event('input', { bubbles: true }));
    readText();
  });
  element('arch-add', HTMLButtonElement).addEventListener('click', () => {
    // At the end; the arrows move it where it belongs.
    layers.push(defaultLayer(addKind.value as LayerKind));
    changed();
  });
  readText();
  return readText;
}

function fieldInput(spec: LayerSpec, field: Field, index: number, onChange: (value: string | number) => void): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'arch-field';
  const value = (spec as Record<string, unknown>)[field.name];
  let control: HTMLInputElement | HTMLSelectElement;
  if (field.kind === 'activation' || field.kind === 'padding') {
    const select = document.createElement('select');
    const options = field.kind === 'activation' ? ACTIVATIONS : ['valid', 'same'];
    select.append(...options.map((o) => new Option(o, o)));
    select.value = String(value);
    select.addEventListener('change', () => onChange(select.value));
    control = select;
  } else {
    const input = document.createElement('input');
    input.type = 'number';
    input.min = field.kind === 'rate' ? '0' : '1';
    if (field.kind === 'rate') {
      input.max = '0.95';
      input.step = '0.05';
    } else input.step = '1';
    input.value = String(value);
    input.addEventListener('change', () => {
      const n = Number(input.value);
      const ok = field.kind === 'rate' ? n >= 0 && n < 1 : Number.isInteger(n) && n >= 1;
      if (ok) onChange(n);
      else input.setCustomValidity(`${field.label} of layer ${index + 1}: ${field.kind === 'rate' ? 'a number in [0, 1)' : 'a positive integer'}`);
    });
    control = input;
  }
  control.dataset.field = field.name;
  label.append(`${field.label} `, control);
  return label;
}

function showSummary(table: HTMLTableElement, rows: ReturnType<typeof architectureShapes>): void {
  const caption = document.createElement('caption');
  caption.textContent = 'Output shape per digit and weights of each layer, as Keras’ summary counts them';
  const head = document.createElement('thead');
  const hr = head.insertRow();
  for (const name of ['layer', 'output shape', 'params']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    hr.append(th);
  }
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = body.insertRow();
    for (const text of [row.label, row.outputShape.join(' × '), row.params.toLocaleString('en')]) tr.insertCell().textContent = text;
  }
  const foot = document.createElement('tfoot');
  const fr = foot.insertRow();
  const total = rows.reduce((n, r) => n + r.params, 0);
  for (const text of ['Total', '', total.toLocaleString('en')]) fr.insertCell().textContent = text;
  table.dataset.total = String(total);
  table.replaceChildren(caption, head, body, foot);
}
