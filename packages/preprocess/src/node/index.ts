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
