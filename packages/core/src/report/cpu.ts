/** Shared CPU vocabulary used by every format (see symbolic's `Arch`). */
export type CpuArch =
  | 'x86'
  | 'amd64'
  | 'arm'
  | 'arm64'
  | 'ppc'
  | 'ppc64'
  | 'mips'
  | 'mips64'
  | 'sparc'
  | 's390x'
  | 'riscv64'
  | 'unknown';

export function pointerSize(arch: CpuArch): 4 | 8 {
  switch (arch) {
    case 'amd64':
    case 'arm64':
    case 'ppc64':
    case 'mips64':
    case 's390x':
    case 'riscv64':
      return 8;
    default:
      return 4;
  }
}

/**
 * A CPU register set. Registers keep the order the architecture's documentation lists them in;
 * `valid` names those the producer actually captured (a caller-frame context only knows a few).
 */
export interface CpuContext {
  arch: CpuArch;
  registers: Record<string, bigint>;
  /** Names of registers whose value is known; absent means all listed registers are known. */
  valid?: string[];
  /** Name of the instruction pointer, stack pointer and frame pointer registers. */
  ip: string;
  sp: string;
  fp?: string;
  /** Extra state that is not a plain register: vector registers, XSTATE components, CET. */
  extended?: Record<string, unknown>;
}

export function contextIp(ctx: CpuContext): bigint {
  return ctx.registers[ctx.ip] ?? 0n;
}

export function contextSp(ctx: CpuContext): bigint {
  return ctx.registers[ctx.sp] ?? 0n;
}
