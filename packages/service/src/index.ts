// @culprit/service: crash report intake, isolated processing, buckets and answers over HTTP.
export { createService, startService, type Service } from './service.js';
export { resolveConfig, type ServiceConfig, type ServiceOptions } from './config.js';
export { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest/limits.js';
export type { Answer, AnswerSolution, Verdict } from './answers/compose.js';
export type { Role } from './auth/tokens.js';
