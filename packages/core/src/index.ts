// @culprit/core: bytes in, typed report out. Platform-neutral: no Node APIs (see platform-neutral.test.ts).
export * from './io/byte-source.js';
export * from './io/errors.js';
export { LIMITS } from './io/limits.js';
export * from './report/index.js';
export * from './analyze.js';
export type { FormatReader, ReadOptions } from './formats/format-reader.js';
export { FORMAT_READERS } from './formats/registry.js';
export * from './symbols/index.js';
