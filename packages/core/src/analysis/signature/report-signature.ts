/** The signature of a CrashReport: adapter, then the default pipeline, then a short stable id. */
import type { CrashReport } from '../../report/model.js';
import { crashDataFromReport } from './adapter.js';
import { generateSignatureFromCrashData, type GenerateOptions } from './generator.js';
import { signatureId } from './signature-id.js';

export interface ReportSignature {
  signature: string;
  /** First 16 hex digits of SHA-1 of the signature's UTF-8 bytes. */
  id: string;
  /** Every frame normalised (Socorro's normalized_frames); empty when the stack had none. */
  normalizedFrames: string[];
  /** The normalised frames joined with " | " (Socorro's proto_signature). */
  protoSignature: string;
  /** How the signature was reached, one line per rule that spoke. */
  notes: string[];
}

export function generateSignature(report: CrashReport, options: GenerateOptions = {}): ReportSignature {
  const result = generateSignatureFromCrashData(crashDataFromReport(report), options);
  return {
    signature: result.signature,
    id: signatureId(result.signature),
    normalizedFrames: result.normalizedFrames,
    protoSignature: result.protoSignature,
    notes: [...result.notes],
  };
}
