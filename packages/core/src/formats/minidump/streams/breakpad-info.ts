import type { StreamInput } from '../stream-context.js';

/** Breakpad's MDRawBreakpadInfo: which thread wrote the dump and which one asked for it. */
export interface RawBreakpadInfo {
  validity: number;
  dumpThreadId?: number;
  requestingThreadId?: number;
}
const MD_BREAKPAD_INFO_VALID_DUMP_THREAD_ID = 1;
const MD_BREAKPAD_INFO_VALID_REQUESTING_THREAD_ID = 2;

export function readBreakpadInfo(input: StreamInput): RawBreakpadInfo {
  const v = input.data;
  const validity = v.u32(0);
  const info: RawBreakpadInfo = { validity };
  if (validity & MD_BREAKPAD_INFO_VALID_DUMP_THREAD_ID) info.dumpThreadId = v.u32(4);
  if (validity & MD_BREAKPAD_INFO_VALID_REQUESTING_THREAD_ID) info.requestingThreadId = v.u32(8);
  return info;
}
