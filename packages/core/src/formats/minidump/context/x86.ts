import type { ByteView } from '../../../io/byte-view.js';
import type { CpuContext } from '../../../report/cpu.js';
import { u32Registers } from './registers.js';

/**
 * CONTEXT for x86 (winnt.h; Breakpad's MDRawContextX86), 716 bytes: ContextFlags, debug
 * registers, FLOATING_SAVE_AREA (112 bytes at 28), segment and integer registers from 140,
 * ExtendedRegisters[512] (FXSAVE) at 204.
 */
export const CONTEXT_X86_SIZE = 716;
export const CONTEXT_i386 = 0x00010000;
export const CONTEXT_X86_FLAGS = {
  CONTROL: 0x1,
  INTEGER: 0x2,
  SEGMENTS: 0x4,
  FLOATING_POINT: 0x8,
  DEBUG_REGISTERS: 0x10,
  EXTENDED_REGISTERS: 0x20,
  XSTATE: 0x40,
} as const;

const LAYOUT: [string, number][] = [
  ['eip', 184],
  ['esp', 196],
  ['ebp', 180],
  ['ebx', 164],
  ['esi', 160],
  ['edi', 156],
  ['eax', 176],
  ['ecx', 172],
  ['edx', 168],
  ['eflags', 192],
];
const SEGMENTS: [string, number][] = [
  ['cs', 188],
  ['ds', 152],
  ['es', 148],
  ['fs', 144],
  ['gs', 140],
  ['ss', 200],
];

export function readContextX86(v: ByteView): CpuContext {
  v.need(0, CONTEXT_X86_SIZE, 'x86 CONTEXT');
  const flags = v.u32(0);
  const registers = u32Registers(v, LAYOUT);
  const extended: Record<string, unknown> = { contextFlags: flags, segments: u32Registers(v, SEGMENTS) };
  if (flags & CONTEXT_X86_FLAGS.DEBUG_REGISTERS) {
    extended.debugRegisters = u32Registers(v, [['dr0', 4], ['dr1', 8], ['dr2', 12], ['dr3', 16], ['dr6', 20], ['dr7', 24]]);
  }
  if (flags & CONTEXT_X86_FLAGS.FLOATING_POINT) {
    extended.floatSave = { controlWord: v.u32(28), statusWord: v.u32(32), tagWord: v.u32(36), registerArea: v.slice(56, 80) };
  }
  if (flags & CONTEXT_X86_FLAGS.EXTENDED_REGISTERS) extended.fxsave = v.slice(204, 512);
  return { arch: 'x86', registers, ip: 'eip', sp: 'esp', fp: 'ebp', extended };
}
