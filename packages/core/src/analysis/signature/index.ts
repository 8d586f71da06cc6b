// Crash signatures (Socorro's algorithm) and WER-style bucket keys.
export { generateSignature, type ReportSignature } from './report-signature.js';
export { generateSignatureFromCrashData, signatureFromFrames, defaultPipeline, type GenerateOptions, type FramesSignatureOptions } from './generator.js';
export { crashDataFromReport } from './adapter.js';
export { bucketKey, type BucketKey } from './bucket-key.js';
export { signatureId } from './signature-id.js';
export { sha1Hex, utf8Bytes } from '../../hash/sha1.js';
export { SignatureGenerationResult } from './result.js';
export { compileSignatureLists, defaultSignatureLists, DEFAULT_SIGNATURE_LIST_SOURCE, type SignatureLists, type SignatureListSource } from './siglists.js';
export { SIGNATURE_LIMITS, TRUNCATION_MARKER } from './limits.js';
export type { SignatureRule } from './rules/rule.js';
export { signatureJitCategory, signatureParentIDNotEqualsChildID } from './rules/annotation-rules.js';
export type * from './crash-data.js';
