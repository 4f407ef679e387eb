import { MNIST_FILES, type MnistFileName, type MnistSplit } from '@lab/data';
import type { FileCheck, FileSource, MnistData, SplitLimits } from './mnist-data.js';

/** What the page asks the data worker: load these four files. */
export interface LoadRequest {
  type: 'load';
  sources: FileSource[];
  limits: SplitLimits;
}

/** What the data worker answers: progress messages, then the data or an error. */
export type WorkerResponse =
  | { type: 'progress'; message: string }
  | { type: 'loaded'; data: MnistData }
  | { type: 'failed'; message: string };

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

function fail(what: string): never {
  throw new Error(`data worker: malformed message: ${what}`);
}

function isFileName(value: unknown): value is MnistFileName {
  return typeof value === 'string' && (MNIST_FILES as readonly string[]).includes(value);
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(`${what} must be a count`);
  return value;
}

function parseSplit(value: unknown, what: string): MnistSplit {
  if (!isObject(value)) fail(`${what} is not an object`);
  const n = count(value.count, `${what}.count`);
  const rows = count(value.rows, `${what}.rows`);
  const cols = count(value.cols, `${what}.cols`);
  const { images, labels } = value;
  if (!(images instanceof Uint8Array) || images.length !== n * rows * cols) fail(`${what}.images must hold ${n}×${rows}×${cols} bytes`);
  if (!(labels instanceof Uint8Array) || labels.length !== n) fail(`${what}.labels must hold ${n} bytes`);
  return { count: n, rows, cols, images, labels };
}

function parseCheck(value: unknown): FileCheck {
  if (!isObject(value) || !isFileName(value.name)) fail('a check names no MNIST file');
  const { name, sha256, expected } = value;
  if (typeof sha256 !== 'string' || typeof expected !== 'string') fail(`the check of ${name} has no hashes`);
  return { name, sha256, expected, bytes: count(value.bytes, `the size of ${name}`) };
}

/**
 * Checks a message from the data worker and returns it typed; throws, saying what is wrong, on
 * anything else. The page trusts nothing it did not check, even from its own worker.
 */
export function parseWorkerResponse(data: unknown): WorkerResponse {
  if (!isObject(data)) fail('not an object');
  switch (data.type) {
    case 'progress':
    case 'failed':
      if (typeof data.message !== 'string') fail(`${data.type} without a message`);
      return { type: data.type, message: data.message };
    case 'loaded': {
      const d = data.data;
      if (!isObject(d) || !Array.isArray(d.checks) || !isObject(d.fullCounts)) fail('loaded without data');
      return {
        type: 'loaded',
        data: {
          train: parseSplit(d.train, 'train'),
          test: parseSplit(d.test, 'test'),
          checks: d.checks.map(parseCheck),
          fullCounts: { train: count(d.fullCounts.train, 'fullCounts.train'), test: count(d.fullCounts.test, 'fullCounts.test') },
        },
      };
    }
    default:
      return fail(`unknown type ${JSON.stringify(data.type)}`);
  }
}

/** Checks a request to the data worker, as {@link parseWorkerResponse} does for answers. */
export function parseLoadRequest(data: unknown): LoadRequest {
  if (!isObject(data) || data.type !== 'load') fail('expected a load request');
  if (!Array.isArray(data.sources)) fail('load request without sources');
  const sources = data.sources.map((s: unknown): FileSource => {
    if (!isObject(s) || !isFileName(s.name)) fail('a source names no MNIST file');
    if (typeof s.url === 'string') return { name: s.name, url: s.url };
    if (s.blob instanceof Blob) return { name: s.name, blob: s.blob };
    return fail(`the source of ${s.name} has neither url nor blob`);
  });
  const limits = isObject(data.limits) ? data.limits : {};
  const limit = (v: unknown, what: string): number | undefined => (v === undefined ? undefined : count(v, what));
  return { type: 'load', sources, limits: { train: limit(limits.train, 'limits.train'), test: limit(limits.test, 'limits.test') } };
}
