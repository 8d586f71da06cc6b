import { fileNameOf, lookupBelowShown, type CpuContext, type CrashReport, type Frame, type FrameTrust } from '@culprit/core';

/** Breakpad's "Found by:" wording for each trust level. */
export const TRUST_TEXT: Record<FrameTrust, string> = {
  context: 'given as instruction pointer in context',
  prewalked: 'recovered by external stack walker',
  cfi: 'call frame info',
  frame_pointer: "previous frame's frame pointer",
  leaf: 'simulating a return from leaf function',
  cfi_scan: 'call frame info with scanning',
  scan: 'stack scanning',
  inline: 'inline record',
  unreliable: 'unreliable (marked ? in the log)',
  none: 'unknown',
};

export function hex(v: bigint | number, width = 0): string {
  return '0x' + v.toString(16).padStart(width, '0');
}

/** `module!function [file : line + 0xN]`, `module + 0xoffset`, or the bare address. */
export function frameLocation(report: CrashReport, frame: Frame): string {
  const mod = frame.module !== undefined ? report.modules[frame.module] : undefined;
  const modName = mod ? fileNameOf(mod.codeFile) : undefined;
  if (frame.function) {
    let s = `${modName ? modName + '!' : ''}${frame.function}`;
    if (frame.file) s += ` [${fileNameOf(frame.file)} : ${frame.line ?? 0} + ${hex(frame.sourceOffset ?? 0n)}]`;
    else if (frame.functionOffset !== undefined) s += ` + ${hex(frame.functionOffset)}`;
    return s;
  }
  if (modName && frame.moduleOffset !== undefined) return `${modName} + ${hex(frame.moduleOffset)}`;
  return hex(frame.instruction);
}

/**
 * The inlined calls of a frame, innermost first, as `module!function [file : line + 0xN]`. Their
 * offset is the physical frame's, counted from the address looked up (x86 and amd64 callers: the
 * return address minus one), as Breakpad counts it.
 */
export function inlineLines(report: CrashReport, frame: Frame): string[] {
  if (!frame.inlines || frame.inlines.length === 0) return [];
  const mod = frame.module !== undefined ? report.modules[frame.module] : undefined;
  const prefix = mod ? fileNameOf(mod.codeFile) + '!' : '';
  // Frames without a walk context (other producers) keep the x86 convention.
  const adjust = frame.context ? lookupBelowShown(frame.context.arch, frame.trust) : frame.trust === 'context' ? 0n : 1n;
  const offset = frame.sourceOffset !== undefined && frame.sourceOffset >= adjust ? frame.sourceOffset - adjust : 0n;
  return frame.inlines.map((i) => `${prefix}${i.function}${i.file ? ` [${fileNameOf(i.file)} : ${i.line ?? 0} + ${hex(offset)}]` : ''}`);
}

/** Registers in Breakpad's layout: name right-aligned, fixed-width hex, 2 (64-bit) or 4 (32-bit) a line. */
export function registerLines(ctx: CpuContext, indent: string): string[] {
  const wide = Object.values(ctx.registers).some((v) => v > 0xffffffffn) || ['amd64', 'arm64', 'ppc64', 'mips64', 'riscv64', 's390x'].includes(ctx.arch);
  const width = wide ? 16 : 8;
  const perLine = wide ? 2 : 4;
  // Breakpad prints no flags register for 64-bit x86.
  const names = Object.keys(ctx.registers).filter((n) => (!ctx.valid || ctx.valid.includes(n)) && !(ctx.arch === 'amd64' && n === 'eflags'));
  const cells = names.map((n) => `${n.padStart(wide ? 3 : 6)} = ${hex(ctx.registers[n], width)}`);
  const out: string[] = [];
  for (let i = 0; i < cells.length; i += perLine) out.push(indent + cells.slice(i, i + perLine).join('   '));
  return out;
}
