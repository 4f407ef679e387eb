import { type NativeAddon, type NativeInfo, type NativeIsa, loadAddon } from './addon.js';
import { Isa, isaCode } from './native-enums.js';
import { registerNativeBackend } from './register.js';

/** Whether the 'native' backend is registered, and if not, why. */
export type NativeStatus = ({ ok: true } & NativeInfo) | { ok: false; reason: string };

let state: { addon?: NativeAddon; status: NativeStatus } | undefined;

/**
 * Loads the addon and registers the 'native' backend, once; later calls return the first
 * answer. Never throws: where the addon was not built or cannot load on this machine, the
 * result says why, so that an app can say so and pick another backend. Importing the package
 * already calls it.
 */
export function loadNativeBackendSync(): NativeStatus {
  if (!state) {
    const loaded = loadAddon();
    if ('reason' in loaded) {
      state = { status: { ok: false, reason: loaded.reason } };
    } else {
      try {
        const refused = forcedIsa(loaded.addon);
        if (refused) {
          state = { status: { ok: false, reason: refused } };
        } else {
          registerNativeBackend(loaded.addon);
          state = { addon: loaded.addon, status: { ok: true, ...loaded.addon.info() } };
        }
      } catch (error) {
        state = { status: { ok: false, reason: `registering the native backend failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
    }
  }
  return state.status;
}

const ISAS = Object.keys(Isa) as NativeIsa[];

/**
 * Applies `LAB_NATIVE_ISA` (generic, avx2 or avx512): forces the kernels down to that instruction
 * set, so that a machine with AVX-512 can run and compare the paths of machines without it.
 * Returns why the backend must not be used when the value is unknown or the CPU lacks that set.
 */
function forcedIsa(addon: NativeAddon): string | undefined {
  const wanted = process.env.LAB_NATIVE_ISA;
  if (wanted === undefined || wanted === '') return undefined;
  const code = isaCode(wanted);
  if (code === undefined) return `LAB_NATIVE_ISA must be one of ${ISAS.join(', ')}; got '${wanted}'`;
  if (!addon.setIsa(code)) return `LAB_NATIVE_ISA=${wanted}, but this CPU supports at most ${addon.info().detectedIsa}`;
  return undefined;
}

/** {@link loadNativeBackendSync} as a promise, the shape backends' loaders usually have. */
export async function loadNativeBackend(): Promise<NativeStatus> {
  return loadNativeBackendSync();
}

function addon(): NativeAddon {
  const status = loadNativeBackendSync();
  if (!state?.addon) throw new Error(`native backend unavailable: ${status.ok ? 'unknown' : status.reason}`);
  return state.addon;
}

/** The instruction set and thread count in use. Throws when the backend is unavailable. */
export function nativeInfo(): NativeInfo {
  return addon().info();
}

/**
 * Threads for large matmuls, the calling thread included (default 2, or `LAB_NATIVE_THREADS`,
 * capped by the hardware's count). Products under about a million multiply-adds always use one.
 */
export function setNativeThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`setNativeThreads: threads must be a positive integer, got ${threads}`);
  addon().setThreads(threads);
}

/**
 * Forces the kernels' instruction set, for tests and benchmarks; returns false (changing nothing)
 * where the CPU lacks it. The default is the best the CPU has.
 */
export function setNativeIsa(isa: NativeIsa): boolean {
  const native = addon();
  const code = isaCode(isa);
  return code !== undefined && native.setIsa(code);
}
