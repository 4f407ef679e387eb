// Node-only entry of @lab/models: saving and loading models in directories.
export { fileSystem } from './file-system.js';
