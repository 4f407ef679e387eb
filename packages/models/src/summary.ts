import type { Model } from './model.js';

/** A Keras-style summary table: layer (type), output shape, parameter count, and the total. */
export function summarize(model: Model): string {
  const rows: string[][] = [['Layer (type)', 'Output Shape', 'Param #']];
  let shape = model.inputShape;
  for (const layer of model.layers) {
    shape = shape ? layer.outputShape(shape) : undefined;
    const out = shape ? `(None, ${shape.join(', ')})` : '?';
    rows.push([`${layer.name} (${layer.className})`, out, String(layer.countParams())]);
  }
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)) + 2);
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('').trimEnd();
  const rule = '='.repeat(widths.reduce((a, b) => a + b, 0));
  const total = model.countParams();
  return [`Model: "${model.name}"`, rule, line(rows[0]!), rule, ...rows.slice(1).map(line), rule, `Total params: ${total.toLocaleString('en-US')}`].join('\n');
}
