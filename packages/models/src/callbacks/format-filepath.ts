/**
 * Fills a Keras checkpoint path template: each `{name}` or `{name:spec}` with the value of that
 * name, where `spec` is a Python format spec of the forms Keras paths use: `02d` / `3d`
 * (an integer, zero- or space-padded), `.4f` (fixed decimals), `.2e` (exponent). `{{` and `}}`
 * are literal braces. An unknown name is an error listing the names available.
 */
export function formatFilepath(template: string, values: Readonly<Record<string, number>>): string {
  return template.replace(/\{\{|\}\}|\{([^{}:]+)(?::([^{}]*))?\}/g, (match, name: string | undefined, spec: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = values[name!];
    if (value === undefined) {
      throw new Error(`ModelCheckpoint: the filepath '${template}' names '${name}', which is not in the logs; available: ${Object.keys(values).join(', ')}`);
    }
    return formatNumber(value, spec ?? '', template);
  });
}

function formatNumber(value: number, spec: string, template: string): string {
  if (spec === '') return String(value);
  const m = /^(0?)(\d*)(?:\.(\d+))?([dfe])$/.exec(spec);
  if (!m) throw new Error(`ModelCheckpoint: the filepath '${template}' has the format spec ':${spec}'; supported are d, 02d, .4f, .2e`);
  const [, zero, width, precision, type] = m;
  let text = type === 'd' ? String(Math.round(value)) : type === 'f' ? value.toFixed(Number(precision ?? 6)) : exponent(value, Number(precision ?? 6));
  const w = Number(width || 0);
  if (text.length < w) {
    const negative = text.startsWith('-');
    text = zero ? (negative ? '-' : '') + text.slice(negative ? 1 : 0).padStart(w - (negative ? 1 : 0), '0') : text.padStart(w, ' ');
  }
  return text;
}

// Python writes at least two exponent digits: 1.50e-04, not JavaScript's 1.50e-4.
function exponent(value: number, precision: number): string {
  return value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
}
