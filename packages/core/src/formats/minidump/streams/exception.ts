import type { StreamInput } from '../stream-context.js';
import { readLocation, type LocationDescriptor } from '../location.js';

/** MINIDUMP_EXCEPTION_STREAM (minidumpapiset.h), 168 bytes. */
export interface RawExceptionStream {
  threadId: number;
  exceptionCode: number;
  exceptionFlags: number;
  exceptionRecord: bigint;
  exceptionAddress: bigint;
  numberParameters: number;
  /** ExceptionInformation[0 .. min(NumberParameters, 15)). */
  parameters: bigint[];
  threadContext: LocationDescriptor;
}
const EXCEPTION_MAXIMUM_PARAMETERS = 15;

export function readException(input: StreamInput): RawExceptionStream {
  const v = input.data;
  v.need(0, 168, 'MINIDUMP_EXCEPTION_STREAM');
  const numberParameters = v.u32(32);
  const parameters: bigint[] = [];
  for (let i = 0; i < Math.min(numberParameters, EXCEPTION_MAXIMUM_PARAMETERS); i++) parameters.push(v.u64(40 + i * 8));
  return {
    threadId: v.u32(0),
    exceptionCode: v.u32(8),
    exceptionFlags: v.u32(12),
    exceptionRecord: v.u64(16),
    exceptionAddress: v.u64(24),
    numberParameters,
    parameters,
    threadContext: readLocation(v, 160),
  };
}
