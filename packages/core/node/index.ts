// Node-only helpers for @culprit/core: import them as '@culprit/core/node'.
export { FileSource } from './file-source.js';
export { folderSymbolStore, createSymbolSupplier } from './symbol-store.js';
