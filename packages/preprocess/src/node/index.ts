// The Node-only public surface of @lab/preprocess, exported as '@lab/preprocess/node': table files.
export {
  type ConvertTableOptions,
  convertTableFile,
  readTableFile,
  type TableFileOptions,
  type TableFormat,
  tableFormat,
  writeTableFile,
} from './table-file.js';
export { eachTableRow, type TableRowOptions, type TableRowVisitor } from './table-rows.js';
export {
  isStreamable,
  type StreamableTransformer,
  type TransformTableFileOptions,
  type TransformTableFileResult,
  transformTableFile,
} from './transform-table-file.js';
