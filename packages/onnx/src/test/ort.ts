import ort from 'onnxruntime-node';

/** A graph input for {@link runOnnx}: float32 values or strings, with their shape. */
export type Feed = Record<string, { data: Float32Array | string[]; dims: number[] }>;

/** Runs an exported model in ONNX Runtime (onnxruntime-node, CPU) and returns every output. */
export async function runOnnx(bytes: Uint8Array, feed: Feed): Promise<Record<string, { data: Float32Array | string[] | BigInt64Array; dims: readonly number[] }>> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' });
  try {
    const inputs = Object.fromEntries(Object.entries(feed).map(([k, v]) => [k, new ort.Tensor(v.data instanceof Float32Array ? 'float32' : 'string', v.data, v.dims)]));
    const results = await session.run(inputs);
    return Object.fromEntries(Object.entries(results).map(([k, t]) => [k, { data: t.data as Float32Array | string[] | BigInt64Array, dims: t.dims }]));
  } finally {
    await session.release();
  }
}

/** The largest |a − b| over two equally long arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} and ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
