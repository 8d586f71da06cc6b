import type { ByteView } from '../../../io/byte-view.js';
import type { CpuArch, CpuContext } from '../../../report/cpu.js';
import { readContext as readWindowsContext } from '../../minidump/context/index.js';
import { CONTEXT_AMD64_SIZE } from '../../minidump/context/amd64.js';
import { CONTEXT_ARM64_SIZE } from '../../minidump/context/arm64.js';
import { CONTEXT_X86_SIZE } from '../../minidump/context/x86.js';

// A kernel dump's CONTEXT is the same Windows CONTEXT a minidump carries: one set of readers
// (formats/minidump/context) serves both.

/** Bytes of a Windows CONTEXT for the architecture, or 0 when Culprit does not read that CPU. */
export function contextSize(arch: CpuArch): number {
  if (arch === 'amd64') return CONTEXT_AMD64_SIZE;
  if (arch === 'x86') return CONTEXT_X86_SIZE;
  if (arch === 'arm64') return CONTEXT_ARM64_SIZE;
  return 0;
}

/** The Windows CONTEXT at `offset` of `v`, or null for a CPU without a parser. */
export function readContext(arch: CpuArch, v: ByteView, offset: number): CpuContext | null {
  const size = contextSize(arch);
  if (size === 0) return null;
  return readWindowsContext(v.sub(offset, size, 'CONTEXT'), arch);
}
