import type { ByteView } from '../../../io/byte-view.js';
import type { CpuArch, CpuContext } from '../../../report/cpu.js';
import { AMD64_CONTEXT_SIZE, readAmd64Context } from './amd64.js';
import { ARM64_CONTEXT_SIZE, readArm64Context } from './arm64.js';
import { X86_CONTEXT_SIZE, readX86Context } from './x86.js';

/** Bytes of a Windows CONTEXT for the architecture, or 0 when Culprit does not read that CPU. */
export function contextSize(arch: CpuArch): number {
  if (arch === 'amd64') return AMD64_CONTEXT_SIZE;
  if (arch === 'x86') return X86_CONTEXT_SIZE;
  if (arch === 'arm64') return ARM64_CONTEXT_SIZE;
  return 0;
}

/** The Windows CONTEXT at `offset` of `v`, or null for a CPU without a parser. */
export function readContext(arch: CpuArch, v: ByteView, offset: number): CpuContext | null {
  if (arch === 'amd64') return readAmd64Context(v, offset);
  if (arch === 'x86') return readX86Context(v, offset);
  if (arch === 'arm64') return readArm64Context(v, offset);
  return null;
}
