import { type AttributeProto, AttributeType, DataType, type Dimension, type GraphProto, type NodeProto, type TensorProto, type ValueInfoProto } from './onnx-proto.js';

/** An attribute value with its ONNX type made explicit (ONNX tells `1` the int from `1.0` the float). */
export type Attribute =
  | { int: number }
  | { float: number }
  | { ints: readonly number[] }
  | { floats: readonly number[] }
  | { string: string }
  | { strings: readonly string[] };

/** The domain of the ONNX-ML operators (`Imputer`, `Scaler`, `OneHotEncoder`, `LabelEncoder`). */
export const ML_DOMAIN = 'ai.onnx.ml';

const text = new TextEncoder();

/** A dimension of a graph input or output: a size, or a symbolic name such as the batch `N`. */
export type DimSpec = number | string;

/**
 * Builds one ONNX graph: inputs, constant tensors (initializers), nodes in the order added (which
 * must be topological: every node's inputs already defined) and outputs. Names are made unique
 * with a counter, so callers pass readable bases (`dense_1/kernel`). Records which operator
 * domains it used, for the model's opset imports.
 */
export class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly valueInfos: ValueInfoProto[] = [];
  private readonly names = new Set<string>();
  private readonly scalars = new Map<string, string>();
  /** Operator domains used by the nodes ('' is the default ai.onnx domain). */
  readonly domains = new Set<string>();

  /** @param name the graph's name */
  constructor(readonly name: string) {}

  /** A name not used yet: `base`, else `base_1`, `base_2`, … */
  fresh(base: string): string {
    let name = base;
    for (let i = 1; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  /** Declares a graph input; its name is taken as given (callers rely on it), so a duplicate is an error. */
  input(name: string, elemType: number, dims: readonly DimSpec[], doc?: string): string {
    if (this.names.has(name)) throw new Error(`ONNX export: two graph inputs or values are named '${name}'`);
    this.names.add(name);
    this.inputs.push(valueInfo(name, elemType, dims, doc));
    return name;
  }

  /** Declares `value` (a name already produced) as a graph output named `name`, through an Identity if the names differ. */
  output(value: string, name: string, elemType: number, dims: readonly DimSpec[], doc?: string): void {
    if (value !== name) {
      if (this.names.has(name)) throw new Error(`ONNX export: the output name '${name}' is already used in the graph`);
      this.names.add(name);
      this.nodes.push(node('Identity', [value], [name], this.fresh(`${name}/identity`), '', {}));
      this.domains.add('');
    }
    this.outputs.push(valueInfo(name, elemType, dims, doc));
  }

  /** A float32 constant tensor of shape `dims`; returns its name. */
  floats(base: string, values: ArrayLike<number>, dims: readonly number[]): string {
    const data = Float32Array.from(values);
    checkSize(base, data.length, dims);
    return this.initializer(base, DataType.FLOAT, dims, new Uint8Array(data.buffer));
  }

  /** An int64 constant tensor of shape `dims` (shapes, axes, indices); returns its name. */
  int64s(base: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    const data = BigInt64Array.from(values, (v) => BigInt(v));
    checkSize(base, data.length, dims);
    return this.initializer(base, DataType.INT64, dims, new Uint8Array(data.buffer));
  }

  /** A float32 scalar constant, shared by every use of the same value. */
  scalar(value: number): string {
    const key = String(Math.fround(value));
    let name = this.scalars.get(key);
    if (!name) {
      name = this.floats(`const_${key}`, [value], []);
      this.scalars.set(key, name);
    }
    return name;
  }

  /**
   * Adds a node with one output; returns the output's name (`base`, made unique; default the op's
   * name). `type` declares the output's element type and shape (a `value_info`), for operators
   * whose type inference ONNX's checker lacks (the ONNX-ML ones).
   */
  op(opType: string, inputs: readonly string[], attributes: Record<string, Attribute> = {}, options: { domain?: string; base?: string; type?: { elemType: number; dims: readonly DimSpec[] } } = {}): string {
    const out = this.opN(opType, inputs, 1, attributes, options)[0]!;
    if (options.type) this.valueInfos.push(valueInfo(out, options.type.elemType, options.type.dims));
    return out;
  }

  /** Adds a node with `outputs` outputs; returns their names. */
  opN(opType: string, inputs: readonly string[], outputs: number, attributes: Record<string, Attribute> = {}, options: { domain?: string; base?: string } = {}): string[] {
    for (const input of inputs) {
      if (input !== '' && !this.names.has(input)) throw new Error(`ONNX export: ${opType} reads '${input}', which nothing defines yet`);
    }
    const base = options.base ?? opType.toLowerCase();
    const out = Array.from({ length: outputs }, (_, i) => this.fresh(outputs === 1 ? base : `${base}/${i}`));
    const domain = options.domain ?? '';
    this.domains.add(domain);
    this.nodes.push(node(opType, inputs, out, this.fresh(`${base}/node`), domain, attributes));
    return out;
  }

  /** The graph, ready for a {@link ModelProto}. */
  build(doc?: string): GraphProto {
    return {
      name: this.name,
      node: [...this.nodes],
      initializer: [...this.initializers],
      input: [...this.inputs],
      output: [...this.outputs],
      valueInfo: [...this.valueInfos],
      ...(doc ? { docString: doc } : {}),
    };
  }

  private initializer(base: string, dataType: number, dims: readonly number[], bytes: Uint8Array): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dataType, dims: [...dims], rawData: bytes });
    return name;
  }
}

function checkSize(name: string, length: number, dims: readonly number[]): void {
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== length) throw new Error(`ONNX export: constant '${name}' has ${length} values for shape [${dims.join(', ')}]`);
}

function valueInfo(name: string, elemType: number, dims: readonly DimSpec[], doc?: string): ValueInfoProto {
  const dim: Dimension[] = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } }, ...(doc ? { docString: doc } : {}) };
}

function node(opType: string, input: readonly string[], output: string[], name: string, domain: string, attributes: Record<string, Attribute>): NodeProto {
  return { name, opType, domain, input: [...input], output, attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)) };
}

function attribute(name: string, value: Attribute): AttributeProto {
  if ('int' in value) return { name, type: AttributeType.INT, i: value.int };
  if ('float' in value) return { name, type: AttributeType.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: AttributeType.INTS, ints: [...value.ints] };
  if ('floats' in value) return { name, type: AttributeType.FLOATS, floats: [...value.floats] };
  if ('string' in value) return { name, type: AttributeType.STRING, s: text.encode(value.string) };
  return { name, type: AttributeType.STRINGS, strings: value.strings.map((s) => text.encode(s)) };
}
