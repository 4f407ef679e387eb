import type * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';

/** Arrays shorter than this (4 kB) are not worth pooling. */
const minPooledLength = 1024;
/** At most this much memory waits in the pool. */
const maxPooledBytes = 64 * 2 ** 20;

/**
 * The 'native' backend: the cpu backend's storage and kernels, with the hot kernels replaced by
 * the addon's. Tensors live in Float32Arrays in JavaScript memory, shared with the addon without
 * copies.
 *
 * It also knows which of those arrays nobody outside the backend can see, so that the optimizer
 * kernels may update a parameter and its moments in place (no 3 × 400 kB of fresh memory per
 * step for the lesson's first kernel). An array is *shared* once it has been handed out: read
 * with `dataSync`/`data` (the cpu backend returns its own array), written from a caller's array
 * (`tf.tensor(values)` keeps `values`), or seen in the output of a kernel that returns a view of
 * its input (the cpu `Slice` returns a `subarray`). A shared array is never written in place.
 *
 * The same knowledge lets it recycle memory: an array it handed out itself (`allocate`), once its
 * tensor is disposed and if nobody else can see it, goes to a pool (by length, up to 64 MB) from which the native kernels take their outputs
 * (`allocate`). A fresh 400 kB Float32Array costs V8 ≈ 50–100 µs (zeroing, page faults, external
 * memory accounting and the GC work it triggers): two of them were a tenth of a training step.
 */
export class NativeBackend extends MathBackendCPU {
  /** Buffers that may be visible outside this backend. */
  private readonly shared = new WeakSet<ArrayBufferLike>();
  /** True while a kernel's own (fresh) output is being stored. */
  private storingOwnOutput = false;
  /**
   * Arrays this backend handed out through `allocate`: only they are recycled. The cpu kernels'
   * own arrays (and their intermediates, which a kernel's output may view) never are.
   */
  private readonly owned = new WeakSet<Float32Array>();
  /** Arrays of disposed tensors nobody else can see, by length. */
  private readonly pool = new Map<number, Float32Array[]>();
  private pooledBytes = 0;

  constructor() {
    super();
    // The cpu backend greets its first Node user with advice to install tfjs-node; not ours.
    (this as unknown as { firstUse: boolean }).firstUse = false;
  }

  /**
   * The float32 values of a tensor held by this backend, without a copy when they are stored as a
   * Float32Array. The cpu backend's `Cast` from int32 or bool to float32 keeps the source's
   * Int32Array/Uint8Array under the float32 tensor (no precision is lost), so such a tensor is
   * read through a float32 copy; its storage is left alone, since the int32 tensor shares it.
   */
  float32(t: tf.TensorInfo, name: string): Float32Array {
    const values = this.data.get(t.dataId)?.values;
    if (values instanceof Float32Array) return values;
    if (t.dtype === 'float32' && (values instanceof Int32Array || values instanceof Uint8Array)) return Float32Array.from(values);
    throw new Error(`native: input '${name}' must be float32, got ${t.dtype}${values === undefined ? ' (disposed)' : ''}`);
  }

  /**
   * A float32 array of `size` elements for a kernel output: recycled memory when the pool has an
   * array of that length (its contents are then arbitrary, as `torch.empty`'s), else a new one.
   * Store it with `makeTensorInfo`.
   */
  allocate(size: number): Float32Array {
    const recycled = size >= minPooledLength ? this.pool.get(size)?.pop() : undefined;
    if (recycled === undefined) {
      const fresh = new Float32Array(size);
      if (size >= minPooledLength) this.owned.add(fresh);
      return fresh;
    }
    this.pooledBytes -= recycled.byteLength;
    return recycled;
  }

  override disposeData(dataId: tf.DataId, force = false): boolean {
    const values = this.data.get(dataId)?.values;
    const freed = super.disposeData(dataId, force);
    if (freed && values instanceof Float32Array) this.recycle(values);
    return freed;
  }

  /**
   * Whether a kernel may overwrite the values of `t` and return `t`'s data as its output: only one
   * tensor holds the data, and its array has never been handed out or viewed by another tensor.
   */
  canUpdateInPlace(t: tf.TensorInfo): boolean {
    const entry = this.data.get(t.dataId);
    return entry !== undefined && entry.refCount === 1 && entry.values instanceof Float32Array && !this.shared.has(entry.values.buffer);
  }

  /** `t`'s data as a new output of the running kernel (one more reference to the same data). */
  reuse(t: tf.TensorInfo): tf.TensorInfo {
    this.incRef(t.dataId);
    return { dataId: t.dataId, shape: t.shape, dtype: t.dtype };
  }

  /**
   * Marks the buffer of any output that views an input's buffer, or another output's, under
   * another data id (the cpu kernels' zero-copy slices): none of them may then be written in place
   * or recycled.
   */
  noteAliases(inputs: tf.NamedTensorInfoMap, outputs: tf.TensorInfo | tf.TensorInfo[]): void {
    const outs = Array.isArray(outputs) ? outputs : [outputs];
    // Every tensor the call touched, with its buffer; an output whose buffer another of them has
    // under another data id is a view (of an input, or of the same intermediate as another output).
    const seen: [tf.DataId, ArrayBufferLike][] = [];
    for (const t of [...Object.values(inputs), ...outs]) {
      const values = t === undefined ? undefined : this.data.get(t.dataId)?.values;
      if (t !== undefined && ArrayBuffer.isView(values)) seen.push([t.dataId, values.buffer]);
    }
    for (const out of outs) {
      const values = this.data.get(out.dataId)?.values;
      if (!ArrayBuffer.isView(values)) continue;
      if (seen.some(([id, buffer]) => id !== out.dataId && buffer === values.buffer)) this.shared.add(values.buffer);
    }
  }


  override makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.BackendValues | string[]): tf.TensorInfo {
    this.storingOwnOutput = true;
    try {
      return super.makeTensorInfo(shape, dtype, values);
    } finally {
      this.storingOwnOutput = false;
    }
  }

  override write(values: tf.BackendValues, shape: number[], dtype: tf.DataType): tf.DataId {
    if (!this.storingOwnOutput) this.markShared(values);
    return super.write(values, shape, dtype);
  }

  override move(dataId: tf.DataId, values: tf.BackendValues, shape: number[], dtype: tf.DataType, refCount: number): void {
    this.markShared(values);
    super.move(dataId, values, shape, dtype, refCount);
  }

  override readSync(dataId: tf.DataId): tf.BackendValues {
    this.markShared(this.data.get(dataId)?.values);
    return super.readSync(dataId);
  }

  override async read(dataId: tf.DataId): Promise<tf.BackendValues> {
    this.markShared(this.data.get(dataId)?.values);
    return super.read(dataId);
  }

  private recycle(values: Float32Array): void {
    const whole = values.byteOffset === 0 && values.byteLength === values.buffer.byteLength;
    if (!whole || !this.owned.has(values) || this.shared.has(values.buffer)) return;
    if (this.pooledBytes + values.byteLength > maxPooledBytes) return;
    const list = this.pool.get(values.length);
    if (list) list.push(values);
    else this.pool.set(values.length, [values]);
    this.pooledBytes += values.byteLength;
  }

  private markShared(values: unknown): void {
    if (ArrayBuffer.isView(values)) this.shared.add(values.buffer);
  }
}
