import * as tf from '@tensorflow/tfjs-core';
import { UsageError } from './errors.js';

/**
 * Backends `auto` tries, fastest first for the lesson's model: tfjs-node(-gpu) when installed, then
 * lab's own `native` addon (@lab/backend-native: AVX2/AVX-512 matmuls and fused Dense/Adam kernels),
 * then wasm, then the plain JavaScript cpu backend.
 */
export const BACKENDS = ['node-gpu', 'node', 'native', 'wasm', 'cpu'] as const;
/** Backends that can be asked for by name (the same list). */
export const NAMED_BACKENDS = BACKENDS;
/** A backend name, or `auto` for the fastest that loads. */
export type BackendChoice = (typeof NAMED_BACKENDS)[number] | 'auto';
type BackendName = (typeof NAMED_BACKENDS)[number];

/** What `selectBackend` chose and why. */
export interface BackendSelection {
  /** The lab name (`wasm`, `node-gpu`, ...). */
  name: BackendName;
  /** The tfjs backend name in use (`tensorflow` for the node backends). */
  tfjsName: string;
  /** One line explaining the choice: what auto skipped and why (`--verbose` prints it). */
  reason: string;
  /** The choice in a few words: `native (auto; avx2 kernels, 2 threads)`. */
  summary: string;
}

let verbose = false;

/** `--verbose`: the `Backend:` line gives the whole reason (what auto skipped and why). */
export function setVerbose(on: boolean): void {
  verbose = on;
}

/** The `Backend:` line every command prints: the short summary, or the whole reason with `--verbose`. */
export function backendLine(backend: BackendSelection): string {
  return `Backend: ${verbose ? backend.reason : backend.summary}\n`;
}

const NODE_PACKAGES = { 'node-gpu': '@tensorflow/tfjs-node-gpu', node: '@tensorflow/tfjs-node' } as const;

/** Loads one backend; resolves to why it cannot load, or undefined when it is ready. */
async function tryLoad(name: BackendName): Promise<string | undefined> {
  try {
    if (name === 'native') {
      const native = await import('@lab/backend-native');
      const status = await native.loadNativeBackend();
      if (!status.ok) return `the @lab/backend-native addon did not load: ${status.reason}`;
      if (!(await tf.setBackend('native'))) return 'the native backend failed to initialise';
      return undefined;
    }
    if (name === 'node-gpu' || name === 'node') {
      const pkg = NODE_PACKAGES[name];
      // A variable specifier keeps bundlers and tsc from resolving an optional package.
      await import(/* @vite-ignore */ pkg as string);
      if (!(await tf.setBackend('tensorflow'))) return `${pkg} loaded but its 'tensorflow' backend failed to initialise`;
      return undefined;
    }
    // @lab/backend-wasm imports tfjs's wasm backend and registers lab's wasm kernels on it.
    if (name === 'wasm') await import('@lab/backend-wasm');
    else await import('@tensorflow/tfjs-backend-cpu');
    if (!(await tf.setBackend(name))) return `the ${name} backend failed to initialise`;
    // The cpu backend greets Node users with a banner suggesting tfjs-node; the CLI already
    // prints which backend it uses and why, so the banner is switched off.
    if (name === 'cpu') (tf.backend() as { firstUse?: boolean }).firstUse = false;
    return undefined;
  } catch (error) {
    return describeLoadError(name, error);
  }
}

function describeLoadError(name: BackendName, error: unknown): string {
  const code = (error as { code?: string }).code;
  if ((name === 'node-gpu' || name === 'node') && (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')) {
    const pkg = NODE_PACKAGES[name];
    const needs = name === 'node-gpu' ? ', CUDA 11.2 and cuDNN 8.1' : '';
    return (
      `${pkg} is not installed (its install step downloads libtensorflow 2.9.1, which needs internet${needs}); ` +
      `install it with: pnpm --filter @lab/cli add ${pkg}@4.22.0`
    );
  }
  return `${name} failed to load: ${(error as Error).message?.split('\n')[0] ?? String(error)}`;
}

/** For native, the instruction set its kernels run (`LAB_NATIVE_ISA` forces a lower one) and threads. */
async function kernelsNote(name: BackendName): Promise<string> {
  if (name !== 'native') return '';
  const { isa, threads } = (await import('@lab/backend-native')).nativeInfo();
  return `; ${isa} kernels, ${threads} thread${threads === 1 ? '' : 's'}`;
}

/**
 * Activates the requested backend. `auto` tries node-gpu, node, wasm, cpu in that order and says
 * what it skipped; an explicit choice that cannot load is a {@link UsageError} — never a silent
 * fallback.
 */
export async function selectBackend(choice: BackendChoice): Promise<BackendSelection> {
  if (choice !== 'auto') {
    const failure = await tryLoad(choice);
    if (failure) throw new UsageError(`backend '${choice}' is not available: ${failure}`);
    const note = await kernelsNote(choice);
    return { name: choice, tfjsName: tf.getBackend(), reason: `${choice} (requested${note})`, summary: `${choice} (requested${note})` };
  }
  const skipped: string[] = [];
  for (const name of BACKENDS) {
    const failure = await tryLoad(name);
    if (!failure) {
      const why = skipped.length ? `; skipped ${skipped.join('; ')}` : '';
      const note = await kernelsNote(name);
      const more = skipped.length ? `; ${skipped.length} faster one${skipped.length === 1 ? '' : 's'} not available, --verbose says why` : '';
      return { name, tfjsName: tf.getBackend(), reason: `${name} (auto: fastest that loaded${note}${why})`, summary: `${name} (auto${note}${more})` };
    }
    skipped.push(`${name}: ${failure.split(';')[0]}`);
  }
  throw new UsageError(`no backend could be loaded: ${skipped.join('; ')}`);
}

/** Parses `--backend`, naming the valid values in the error. */
export function parseBackend(value: string): BackendChoice {
  const all = ['auto', ...NAMED_BACKENDS];
  if (all.includes(value)) return value as BackendChoice;
  throw new UsageError(`--backend must be one of ${all.join(', ')}; got '${value}'`, 2);
}
