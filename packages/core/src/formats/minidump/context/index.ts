import type { ByteView } from '../../../io/byte-view.js';
import type { CpuArch, CpuContext } from '../../../report/cpu.js';
import { CONTEXT_AMD64_SIZE, readContextAmd64, type XStateLayout } from './amd64.js';
import { readContextArm } from './arm.js';
import { readContextArm64 } from './arm64.js';
import { MD_CONTEXT_MIPS, MD_CONTEXT_MIPS64, readContextMips } from './mips.js';
import { CONTEXT_X86_SIZE, readContextX86 } from './x86.js';

/**
 * A thread context, read by the CPU the system info names. When that is unknown the size and
 * the flags decide, as Breakpad's MinidumpContext::Read does.
 */
export function readContext(v: ByteView, arch: CpuArch, xstate?: XStateLayout): CpuContext {
  const which = arch !== 'unknown' ? arch : guessArch(v);
  switch (which) {
    case 'x86':
      return readContextX86(v);
    case 'amd64':
      return readContextAmd64(v, xstate);
    case 'arm64':
      return readContextArm64(v);
    case 'arm':
      return readContextArm(v);
    case 'mips':
    case 'mips64':
      return readContextMips(v, which);
    default:
      throw v.error('CULPRIT_ERR_BAD_VALUE', `no context reader for CPU '${which}'`, 0);
  }
}

function guessArch(v: ByteView): CpuArch {
  if (v.length >= CONTEXT_AMD64_SIZE && v.has(48, 4) && (v.u32(48) & 0xffff0000) === 0x00100000) return 'amd64';
  const flags = v.has(0, 4) ? v.u32(0) : 0;
  if ((flags & 0xffff0000) === 0x00010000 && v.length >= CONTEXT_X86_SIZE) return 'x86';
  if ((flags & 0xffff0000) === 0x00400000 || flags === 0x80000000) return 'arm64';
  if ((flags & 0xffff0000) === 0x40000000 || (flags & 0xffff0000) === 0x00200000) return 'arm';
  if ((flags & 0xffff0000) === MD_CONTEXT_MIPS) return 'mips';
  if ((flags & 0xffff0000) === MD_CONTEXT_MIPS64) return 'mips64';
  return 'unknown';
}
