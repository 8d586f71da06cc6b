// @culprit/core: bytes in, typed report out. Platform-neutral: no Node APIs (see platform-neutral.test.ts).
export * from './io/byte-source.js';
export * from './io/errors.js';
export { LIMITS } from './io/limits.js';
export * from './report/index.js';
export * from './analyze.js';
export type { FormatReader, ReadOptions } from './formats/format-reader.js';
export { FORMAT_READERS } from './formats/registry.js';
export { minidumpReader, readMinidumpReport, type MinidumpAnalysis } from './formats/minidump/reader.js';
export { Minidump } from './formats/minidump/minidump.js';
export { MemoryRegions } from './formats/minidump/memory.js';
export type { MinidumpDetails } from './formats/minidump/details.js';
export * from './analysis/signature/index.js';
export * from './symbols/index.js';
export * from './analysis/crash-reason/index.js';
export * from './unwind/index.js';
export { lookupBugCheck, hexCode, baseBugCheckCode, type BugCheckInfo, type ParameterRole } from './analysis/bugcheck/catalogue.js';
export { attributeBugCheck, type Attribution, type AttributionInput, type AttributionModule } from './analysis/bugcheck/attribution.js';
