// Registers tfjs-core's gradients once, wherever a model trains (Node's tfjs-core bundle has none).
import '@lab/models/register-gradients';

export { type ActivationName, ACTIVATIONS, activate } from './activations.js';
export type { BatchLogs, Callback, History, Logs, TrainInfo } from './callbacks.js';
export type { CompileOptions } from './compile.js';
export type { FitOptions } from './fit.js';
export { getInitializer, glorotUniform, type Initializer, type InitializerName, ones, zeros } from './initializers.js';
export { Dense, type DenseOptions } from './layers/dense.js';
export { Flatten } from './layers/flatten.js';
export { Layer, type LayerOptions } from './layers/layer.js';
export { artifactsToModel, type ModelMetadata, modelToArtifacts } from './io/artifacts.js';
export { loadModel, memory, type ModelTarget, saveModel } from './io/save-load.js';
export { useFastWasmMatMul } from './kernels/wasm-matmul.js';
export { Random } from './random.js';
export { type BatchOptions, Sequential, type SequentialOptions } from './sequential.js';
