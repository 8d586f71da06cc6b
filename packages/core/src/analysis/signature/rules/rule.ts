import type { SignatureCrashData } from '../crash-data.js';
import type { SignatureGenerationResult } from '../result.js';

/**
 * One step of the signature pipeline: when `predicate` holds, `action` changes the result.
 * Socorro's Rule (socorro/signature/rules.py); names keep Socorro's class names so that notes
 * and documentation line up with Socorro's.
 */
export interface SignatureRule {
  readonly name: string;
  predicate(data: SignatureCrashData, result: SignatureGenerationResult): boolean;
  action(data: SignatureCrashData, result: SignatureGenerationResult): void;
}

/** A non-empty string field, or null (Socorro's truthiness test on optional values). */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The crashing thread index as Socorro reads it: int(crashing_thread), 0 when missing or bad. */
export function crashingThreadIndex(data: SignatureCrashData): number {
  const v = data.crashing_thread;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}
