// Test-only helper: ExceptionFacts with defaults, so each test states only what it is about.
import type { ExceptionFacts } from './types.js';

export function facts(partial: Partial<ExceptionFacts> & Pick<ExceptionFacts, 'platform'>): ExceptionFacts {
  return { arch: 'amd64', code: 0, flags: 0, address: 0n, parameters: [], ...partial };
}
