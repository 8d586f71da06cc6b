import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';
import { u64Registers } from './registers.js';

/**
 * CONTEXT for x64 (winnt.h; Breakpad's MDRawContextAMD64), 1232 bytes. ContextFlags sits at 48
 * after the six home words; the integer registers run from Rax at 120 to Rip at 248; FltSave
 * (XMM_SAVE_AREA32, 512 bytes) at 256; VectorRegister[26] at 768.
 *
 * With CONTEXT_XSTATE the CONTEXT is followed by a CONTEXT_EX whose XState member locates the
 * XSAVE header; components (AVX, CET shadow stack...) sit where the misc info stream's
 * XSTATE_CONFIG_FEATURE_MSC_INFO says, counted from the start of the XSAVE area.
 */
export const CONTEXT_AMD64_SIZE = 1232;
export const CONTEXT_AMD64 = 0x00100000;
export const CONTEXT_AMD64_XSTATE = 0x40;
/** XSTATE_CET_U: user-mode CET state (IA32_U_CET and IA32_PL3_SSP MSRs). */
const XSTATE_CET_U = 11;
const XSTATE_AVX = 2;

const LAYOUT: [string, number][] = [
  ['rax', 120],
  ['rdx', 136],
  ['rcx', 128],
  ['rbx', 144],
  ['rsi', 168],
  ['rdi', 176],
  ['rbp', 160],
  ['rsp', 152],
  ['r8', 184],
  ['r9', 192],
  ['r10', 200],
  ['r11', 208],
  ['r12', 216],
  ['r13', 224],
  ['r14', 232],
  ['r15', 240],
  ['rip', 248],
];

export interface XStateLayout {
  features: { index: number; offset: number; size: number }[];
}

export function readContextAmd64(v: ByteView, xstate?: XStateLayout): CpuContext {
  v.need(0, CONTEXT_AMD64_SIZE, 'amd64 CONTEXT');
  const flags = v.u32(48);
  const registers = u64Registers(v, LAYOUT);
  registers.eflags = BigInt(v.u32(68));
  const extended: Record<string, unknown> = {
    contextFlags: flags,
    mxcsr: v.u32(52),
    segments: { cs: v.u16(56), ds: v.u16(58), es: v.u16(60), fs: v.u16(62), gs: v.u16(64), ss: v.u16(66) },
  };
  if (flags & CONTEXT_AMD64_XSTATE && v.length > CONTEXT_AMD64_SIZE + 24) {
    extended.xstate = readXState(v, xstate);
  }
  return { arch: 'amd64', registers, ip: 'rip', sp: 'rsp', fp: 'rbp', extended };
}

/** CONTEXT_EX { All, Legacy, XState: CONTEXT_CHUNK {Offset i32, Length u32} } at the end of CONTEXT. */
function readXState(v: ByteView, layout?: XStateLayout): Record<string, unknown> {
  const ex = CONTEXT_AMD64_SIZE;
  const headerAt = ex + v.i32(ex + 16);
  const length = v.u32(ex + 20);
  const out: Record<string, unknown> = { offset: headerAt, length };
  if (!v.has(headerAt, 16)) return out;
  const mask = v.u64(headerAt);
  out.mask = mask;
  // Component offsets count from the start of the XSAVE area, whose first 512 bytes (the legacy
  // FXSAVE region) are the CONTEXT's FltSave; the header follows them.
  const areaStart = headerAt - 512;
  for (const f of layout?.features ?? []) {
    if (!((mask >> BigInt(f.index)) & 1n)) continue;
    const at = areaStart + f.offset;
    if (f.index === XSTATE_CET_U && v.has(at, 16)) {
      out.cet = { ia32UCet: v.u64(at), ssp: v.u64(at + 8) };
    } else if (f.index === XSTATE_AVX && v.has(at, f.size)) {
      out.avxHigh = v.slice(at, f.size);
    }
  }
  return out;
}
