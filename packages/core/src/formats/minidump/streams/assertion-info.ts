import { decodeUtf16 } from '../../../io/byte-view.js';
import type { StreamInput } from '../stream-context.js';

/** Breakpad's MDRawAssertionInfo: expression, function, file (128 UTF-16 units each), line, type. */
export interface RawAssertionInfo {
  expression: string;
  function: string;
  file: string;
  line: number;
  type: number;
}

export const MD_ASSERTION_INFO_TYPE: Record<number, string> = {
  0: 'unknown',
  1: 'invalid parameter',
  2: 'pure virtual call',
};

export function readAssertionInfo(input: StreamInput): RawAssertionInfo {
  const v = input.data;
  v.need(0, 776, 'MDRawAssertionInfo');
  const text = (o: number): string => decodeUtf16(v.slice(o, 256), v.littleEndian).replace(/\0[\s\S]*$/, '');
  return { expression: text(0), function: text(256), file: text(512), line: v.u32(768), type: v.u32(772) };
}
