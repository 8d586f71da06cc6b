/**
 * Stack scanning (Breakpad `Stackwalker::ScanForReturnAddress`): read words upwards from `start`
 * and take the first that looks like a return address, i.e. whose value minus one lies in a
 * module (and inside a known function when that module has symbols). The window is inclusive:
 * `words + 1` slots are read, and the scan stops early where the stack memory ends.
 */
import type { UnwindEnv } from './types.js';

export interface ScanHit {
  /** Where the return address was found. */
  location: bigint;
  /** The return address. */
  value: bigint;
}

export function scanForReturnAddress(env: UnwindEnv, start: bigint, words: number, pointerSize: 4 | 8): ScanHit | undefined {
  const step = BigInt(pointerSize);
  const last = start + BigInt(words) * step;
  for (let location = start; location <= last; location += step) {
    const value = env.stack.readWord(location, pointerSize);
    if (value === null) return undefined;
    // A return address follows a CALL; a call to a no-return function may end its caller, so
    // the address before it is the one that must be inside the code.
    if (value > 0n && env.symbols.seemsValid(value - 1n)) return { location, value };
  }
  return undefined;
}
