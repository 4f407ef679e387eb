// Node-only entry of @lab/models: models and training checkpoints in directories.
export { type CheckpointInfo, loadCheckpoint, saveCheckpoint } from './checkpoint.js';
export { fileSystem } from './file-system.js';
