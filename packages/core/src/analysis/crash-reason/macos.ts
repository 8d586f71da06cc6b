// macOS and iOS: exception_code is the Mach exception type, exception_flags its first code
// (mach/exception_types.h, mach/kern_return.h, mach/{arm,ppc,i386}/exception.h via Breakpad's
// minidump_exception_mac.h). Wording from Breakpad's MinidumpProcessor::GetCrashReason
// (MD_OS_MAC_OS_X / MD_OS_IOS).
import {
  MD_CPU_ARCHITECTURE_AMD64,
  MD_CPU_ARCHITECTURE_ARM,
  MD_CPU_ARCHITECTURE_ARM64_OLD,
  MD_CPU_ARCHITECTURE_PPC,
  MD_CPU_ARCHITECTURE_X86,
} from './cpu-architecture.js';
import { hex8 } from './format.js';
import type { FamilyDecoded } from './types.js';

/** The CPU groups whose Mach codes overlap. Breakpad's ARM group is ARM and the old Breakpad
 * ARM64 id only: a dump marked with Microsoft's ARM64 id (12) gets no ARM sub-code names. */
export type MacCpuGroup = 'arm' | 'ppc' | 'x86' | 'other';

export function macCpuGroup(processorArchitecture: number): MacCpuGroup {
  switch (processorArchitecture) {
    case MD_CPU_ARCHITECTURE_ARM:
    case MD_CPU_ARCHITECTURE_ARM64_OLD:
      return 'arm';
    case MD_CPU_ARCHITECTURE_PPC:
      return 'ppc';
    case MD_CPU_ARCHITECTURE_X86:
    case MD_CPU_ARCHITECTURE_AMD64:
      return 'x86';
    default:
      return 'other';
  }
}

export interface MachExceptionWording {
  name: string;
  /** Codes named whatever the CPU (checked first). */
  anyCpu?: ReadonlyMap<number, string>;
  /** Codes named per CPU group; a code in none of the tables prints as 0x%08x. */
  perCpu?: Partial<Record<MacCpuGroup, ReadonlyMap<number, string>>>;
}

const m = (entries: [number, string][]): ReadonlyMap<number, string> => new Map(entries);

export const MAC_EXCEPTIONS: ReadonlyMap<number, MachExceptionWording> = new Map<number, MachExceptionWording>([
  [
    1,
    {
      name: 'EXC_BAD_ACCESS',
      anyCpu: m([
        [1, 'KERN_INVALID_ADDRESS'],
        [2, 'KERN_PROTECTION_FAILURE'],
        [8, 'KERN_NO_ACCESS'],
        [9, 'KERN_MEMORY_FAILURE'],
        [10, 'KERN_MEMORY_ERROR'],
        [50, 'KERN_CODESIGN_ERROR'],
      ]),
      perCpu: {
        arm: m([
          [0x0101, 'EXC_ARM_DA_ALIGN'],
          [0x0102, 'EXC_ARM_DA_DEBUG'],
        ]),
        ppc: m([
          [0x0101, 'EXC_PPC_VM_PROT_READ'],
          [0x0102, 'EXC_PPC_BADSPACE'],
          [0x0103, 'EXC_PPC_UNALIGNED'],
        ]),
        x86: m([[13, 'EXC_I386_GPFLT']]),
      },
    },
  ],
  [
    2,
    {
      name: 'EXC_BAD_INSTRUCTION',
      perCpu: {
        arm: m([[1, 'EXC_ARM_UNDEFINED']]),
        ppc: m([
          [1, 'EXC_PPC_INVALID_SYSCALL'],
          [2, 'EXC_PPC_UNIPL_INST'],
          [3, 'EXC_PPC_PRIVINST'],
          [4, 'EXC_PPC_PRIVREG'],
          [5, 'EXC_PPC_TRACE'],
          [6, 'EXC_PPC_PERFMON'],
        ]),
        x86: m([
          [1, 'EXC_I386_INVOP'],
          [10, 'EXC_I386_INVTSSFLT'],
          [11, 'EXC_I386_SEGNPFLT'],
          [12, 'EXC_I386_STKFLT'],
          [13, 'EXC_I386_GPFLT'],
          [17, 'EXC_I386_ALIGNFLT'],
        ]),
      },
    },
  ],
  [
    3,
    {
      name: 'EXC_ARITHMETIC',
      perCpu: {
        ppc: m([
          [1, 'EXC_PPC_OVERFLOW'],
          [2, 'EXC_PPC_ZERO_DIVIDE'],
          [3, 'EXC_FLT_INEXACT'],
          [4, 'EXC_PPC_FLT_ZERO_DIVIDE'],
          [5, 'EXC_PPC_FLT_UNDERFLOW'],
          [6, 'EXC_PPC_FLT_OVERFLOW'],
          [7, 'EXC_PPC_FLT_NOT_A_NUMBER'],
          [8, 'EXC_PPC_NOEMULATION'],
          [9, 'EXC_PPC_ALTIVECASSIST'],
        ]),
        x86: m([
          [1, 'EXC_I386_DIV'],
          [2, 'EXC_I386_INTO'],
          [3, 'EXC_I386_NOEXT'],
          [4, 'EXC_I386_EXTOVR'],
          [5, 'EXC_I386_EXTERR'],
          [6, 'EXC_I386_EMERR'],
          [7, 'EXC_I386_BOUND'],
          [8, 'EXC_I386_SSEEXTERR'],
        ]),
      },
    },
  ],
  [4, { name: 'EXC_EMULATION' }],
  [
    5,
    {
      name: 'EXC_SOFTWARE',
      anyCpu: m([
        [0x00010002, 'SIGABRT'], // Mach's EXC_SOFT_SIGNAL for SIGABRT
        [0xdeadc0de, 'UNCAUGHT_NS_EXCEPTION'], // Breakpad's own marker
        // PowerPC-only codes; Breakpad names them on every CPU since nothing else uses them.
        [0x00000001, 'EXC_PPC_TRAP'],
        [0x00010100, 'EXC_PPC_MIGRATE'],
      ]),
    },
  ],
  [
    6,
    {
      name: 'EXC_BREAKPOINT',
      perCpu: {
        arm: m([
          [0x0101, 'EXC_ARM_DA_ALIGN'],
          [0x0102, 'EXC_ARM_DA_DEBUG'],
          [1, 'EXC_ARM_BREAKPOINT'],
        ]),
        ppc: m([[1, 'EXC_PPC_BREAKPOINT']]),
        x86: m([
          [1, 'EXC_I386_SGL'],
          [2, 'EXC_I386_BPT'],
        ]),
      },
    },
  ],
  [7, { name: 'EXC_SYSCALL' }],
  [8, { name: 'EXC_MACH_SYSCALL' }],
  [9, { name: 'EXC_RPC_ALERT' }],
  [11, { name: 'EXC_RESOURCE' }],
  [12, { name: 'EXC_GUARD' }],
]);

/** Crashpad's made-up exception types, whose reason stands alone (no code after it). */
export const MAC_SIMULATED_EXCEPTIONS: ReadonlyMap<number, string> = new Map([
  [0x43507378, 'Simulated Exception'], // 'CPsx': CRASHPAD_SIMULATE_CRASH / DumpWithoutCrash
  [0x43506e78, 'Uncaught NSException'], // 'CPnx': Crashpad's uncaught NSException handler
]);

export function decodeMac(code: number, flags: number, processorArchitecture: number): FamilyDecoded | undefined {
  const simulated = MAC_SIMULATED_EXCEPTIONS.get(code >>> 0);
  if (simulated !== undefined) return { reason: simulated };
  const wording = MAC_EXCEPTIONS.get(code >>> 0);
  if (wording === undefined) return undefined;
  const f = flags >>> 0;
  const perCpu = wording.perCpu?.[macCpuGroup(processorArchitecture)];
  const codeName = wording.anyCpu?.get(f) ?? perCpu?.get(f) ?? hex8(f);
  return { reason: `${wording.name} / ${codeName}` };
}
