import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';
import { readMinidumpString } from '../location.js';

/** /proc/PID/auxv: (type, value) pairs of pointer-sized words, ending at AT_NULL. */
export function readAuxv(input: StreamInput, pointerSize: 4 | 8): { type: bigint; value: bigint }[] {
  const v = input.data;
  const pair = pointerSize * 2;
  const n = Math.min(Math.floor(v.length / pair), LIMITS.memoryRanges);
  const out: { type: bigint; value: bigint }[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * pair;
    const type = pointerSize === 8 ? v.u64(o) : BigInt(v.u32(o));
    const value = pointerSize === 8 ? v.u64(o + 8) : BigInt(v.u32(o + 4));
    if (type === 0n) break;
    out.push({ type, value });
  }
  return out;
}

/** Names of the auxv entries people look at (elf.h AT_*). */
export const AUXV_NAMES: Record<number, string> = {
  3: 'AT_PHDR', 4: 'AT_PHENT', 5: 'AT_PHNUM', 6: 'AT_PAGESZ', 7: 'AT_BASE', 8: 'AT_FLAGS', 9: 'AT_ENTRY',
  11: 'AT_UID', 12: 'AT_EUID', 13: 'AT_GID', 14: 'AT_EGID', 15: 'AT_PLATFORM', 16: 'AT_HWCAP', 17: 'AT_CLKTCK',
  23: 'AT_SECURE', 24: 'AT_BASE_PLATFORM', 25: 'AT_RANDOM', 26: 'AT_HWCAP2', 31: 'AT_EXECFN', 33: 'AT_SYSINFO_EHDR',
};

/**
 * Breakpad's MDRawDebug32/64 (the dynamic linker's r_debug) and its MDRawLinkMap entries: the
 * shared objects the loader knew about. 64-bit layout: version, map RVA, dso_count, pad, brk,
 * ldbase, dynamic (40 bytes); link map: addr, name RVA, pad, ld (24 bytes).
 */
export interface DsoDebug {
  version: number;
  brk: bigint;
  ldbase: bigint;
  dynamic: bigint;
  dsos: { addr: bigint; name: string; ld: bigint }[];
}

export function readDsoDebug(input: StreamInput, pointerSize: 4 | 8): DsoDebug {
  const { data: v, file, part } = input;
  const wide = pointerSize === 8;
  const version = v.u32(0);
  const mapRva = v.u32(4);
  const count = v.u32(8);
  if (count > LIMITS.modules) throw v.error('CULPRIT_ERR_LIMIT', `${count} DSOs exceed the limit`, 8);
  const out: DsoDebug = wide
    ? { version, brk: v.u64(16), ldbase: v.u64(24), dynamic: v.u64(32), dsos: [] }
    : { version, brk: BigInt(v.u32(12)), ldbase: BigInt(v.u32(16)), dynamic: BigInt(v.u32(20)), dsos: [] };
  const entry = wide ? 24 : 12;
  if (count === 0) return out;
  const map = file.view(mapRva, count * entry, `${part} link map`);
  for (let i = 0; i < count; i++) {
    const o = i * entry;
    const addr = wide ? map.u64(o) : BigInt(map.u32(o));
    const nameRva = wide ? map.u32(o + 8) : map.u32(o + 4);
    const ld = wide ? map.u64(o + 16) : BigInt(map.u32(o + 8));
    let name = '';
    if (nameRva !== 0) name = readMinidumpString(file, nameRva, `${part} link map ${i}`);
    out.dsos.push({ addr, name, ld });
  }
  return out;
}
