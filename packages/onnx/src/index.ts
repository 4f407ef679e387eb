// The whole public surface of @lab/onnx.
export { type Attribute, type DimSpec, GraphBuilder, ML_DOMAIN } from './graph-builder.js';
export { appendImagePreprocessing, type ImagePreprocessing } from './image-to-onnx.js';
export { appendLayer, type FlowingValue, LAYER_OPERATORS, type LayerWeights } from './layers-to-onnx.js';
export { checkOnnxModel, type OnnxCheck } from './check-onnx.js';
export {
  type AttributeProto,
  AttributeType,
  DataType,
  decodeModel,
  type Dimension,
  encodeModel,
  type GraphProto,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  type ValueInfoProto,
} from './onnx-proto.js';
export { appendTablePreprocessing, type TableInput, tableFeeds } from './table-to-onnx.js';
export { OPSET, type OnnxExport, type OnnxValue, toOnnx, type ToOnnxOptions } from './to-onnx.js';
