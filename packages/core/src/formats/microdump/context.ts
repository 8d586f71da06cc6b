import { BufferSource } from '../../io/byte-source.js';
import { CulpritParseError, warningFromError, type ReportWarning } from '../../io/errors.js';
import { FileReader } from '../../io/file-reader.js';
import type { CpuArch, CpuContext } from '../../report/cpu.js';
import { CONTEXT_AMD64_SIZE } from '../minidump/context/amd64.js';
import { CONTEXT_ARM64_OLD_SIZE, CONTEXT_ARM64_SIZE } from '../minidump/context/arm64.js';
import { readContext } from '../minidump/context/index.js';
import { CONTEXT_MIPS_SIZE } from '../minidump/context/mips.js';
import { CONTEXT_X86_SIZE } from '../minidump/context/x86.js';

/** Breakpad's MDRawContextARM: flags, 16 integer registers, cpsr, then VFP state (minidump_cpu_arm.h). */
const CONTEXT_ARM_SIZE = 4 + 16 * 4 + 4 + (8 + 32 * 8 + 8 * 4);

/**
 * Sizes Breakpad's Microdump accepts for each O-line arch: the C line must be exactly one raw
 * context (arm64 also in the old 796-byte layout, which Breakpad converts).
 */
const SIZES: Partial<Record<CpuArch, number[]>> = {
  arm: [CONTEXT_ARM_SIZE],
  arm64: [CONTEXT_ARM64_SIZE, CONTEXT_ARM64_OLD_SIZE],
  x86: [CONTEXT_X86_SIZE],
  amd64: [CONTEXT_AMD64_SIZE],
  mips: [CONTEXT_MIPS_SIZE],
  mips64: [CONTEXT_MIPS_SIZE],
};

/** The C line's registers, or undefined with a warning naming the line. */
export function microdumpContext(bytes: Uint8Array, line: number, arch: CpuArch, warnings: ReportWarning[]): CpuContext | undefined {
  const part = 'microdump C line';
  const sizes = SIZES[arch];
  try {
    if (!sizes) throw new CulpritParseError('CULPRIT_ERR_BAD_VALUE', `no CPU context reader for arch '${arch}'`, { format: 'microdump', part, line });
    if (!sizes.includes(bytes.length)) {
      throw new CulpritParseError('CULPRIT_ERR_BAD_VALUE', `CPU context of ${bytes.length} bytes; an ${arch} context is ${sizes.join(' or ')}`, { format: 'microdump', part, line });
    }
    const view = new FileReader(new BufferSource(bytes), true, 'microdump').view(0, bytes.length, part);
    return readContext(view, arch);
  } catch (err) {
    const w = warningFromError(err, part);
    w.line = line;
    warnings.push(w);
    return undefined;
  }
}
