import { DataType, decodeModel } from './onnx-proto.js';

/** {@link checkOnnxModel}'s result: what the file holds. */
export interface OnnxCheck {
  irVersion: number;
  opset: { domain: string; version: number }[];
  nodes: number;
  initializers: number;
  /** Scalar weights over all initializers. */
  parameters: number;
  inputs: string[];
  outputs: string[];
}

const ELEMENT_BYTES: Record<number, number> = { [DataType.FLOAT]: 4, [DataType.INT32]: 4, [DataType.INT64]: 8, [DataType.DOUBLE]: 8, [DataType.BOOL]: 1 };

/**
 * Checks an `.onnx` file's structure the way ONNX's checker does for what lab writes: it decodes;
 * the IR version is set; every node's domain has an opset import; the graph is in topological
 * order and in single-assignment form (each value defined once, before it is read, by a graph
 * input, an initializer or an earlier node); every graph output is defined; every initializer's
 * data has as many values as its dimensions say; inputs and outputs have an element type. The
 * first problem is an error naming the node, value or tensor at fault.
 */
export function checkOnnxModel(bytes: Uint8Array): OnnxCheck {
  const model = decodeModel(bytes);
  if (!(model.irVersion >= 3)) throw new Error(`ONNX check: ir_version is ${model.irVersion}; expected 3 or later`);
  const domains = new Map(model.opsetImport.map((o) => [o.domain, o.version]));
  if (!domains.has('')) throw new Error('ONNX check: no opset import for the default domain (ai.onnx)');
  const graph = model.graph;
  if (!graph) throw new Error('ONNX check: the model has no graph');
  const defined = new Set<string>();
  const define = (name: string, what: string) => {
    if (!name) throw new Error(`ONNX check: ${what} has an empty name`);
    if (defined.has(name)) throw new Error(`ONNX check: '${name}' is defined twice (${what}); a graph is single assignment`);
    defined.add(name);
  };
  for (const v of graph.input) {
    if (!v.type?.tensorType?.elemType) throw new Error(`ONNX check: graph input '${v.name}' has no element type`);
    define(v.name, `graph input '${v.name}'`);
  }
  let parameters = 0;
  for (const t of graph.initializer) {
    define(t.name, `initializer '${t.name}'`);
    const size = t.dims.reduce((a, b) => a * b, 1);
    const bytesPer = ELEMENT_BYTES[t.dataType];
    if (bytesPer === undefined) throw new Error(`ONNX check: initializer '${t.name}' has data type ${t.dataType}, which lab does not write`);
    const have = t.rawData && t.rawData.length > 0 ? t.rawData.length / bytesPer : 0;
    if (have !== size) throw new Error(`ONNX check: initializer '${t.name}' of shape [${t.dims.join(', ')}] holds ${have} values; expected ${size}`);
    parameters += size;
  }
  graph.node.forEach((node, i) => {
    const where = `node ${i} '${node.name}' (${node.domain ? `${node.domain}:` : ''}${node.opType})`;
    if (!node.opType) throw new Error(`ONNX check: ${where} has no operator`);
    if (!domains.has(node.domain)) throw new Error(`ONNX check: ${where} uses domain '${node.domain}', which the model does not import`);
    for (const input of node.input) {
      if (input !== '' && !defined.has(input)) throw new Error(`ONNX check: ${where} reads '${input}' before anything defines it`);
    }
    for (const output of node.output) define(output, where);
  });
  for (const v of graph.output) {
    if (!v.type?.tensorType?.elemType) throw new Error(`ONNX check: graph output '${v.name}' has no element type`);
    if (!defined.has(v.name)) throw new Error(`ONNX check: graph output '${v.name}' is not defined by any node`);
  }
  return {
    irVersion: model.irVersion,
    opset: model.opsetImport.map((o) => ({ domain: o.domain, version: o.version })),
    nodes: graph.node.length,
    initializers: graph.initializer.length,
    parameters,
    inputs: graph.input.map((v) => v.name),
    outputs: graph.output.map((v) => v.name),
  };
}
