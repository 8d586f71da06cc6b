/**
 * Walk frames → report frames, symbolicated (Breakpad `StackFrameSymbolizer::FillSourceLineInfo`
 * and its machine output, rust-minidump `fill_source_line_info`):
 *   - the module is the one holding the lookup address (`pc - 1` for callers);
 *   - offsets are measured from the shown address (the return address for x86 and amd64
 *     callers, the lookup address for ARM, ARM64 and MIPS ones), as Breakpad prints them;
 *   - function and its offset from the FUNC, else from the PUBLIC symbol;
 *   - file and line of the real function (the call site of the outermost inlined call when
 *     calls are inlined there), with the offset from the line record's start;
 *   - inlined calls, innermost first, become `inlines`.
 */
import type { CpuArch } from '../report/cpu.js';
import type { Frame } from '../report/model.js';
import type { FrameSymbolizer } from './symbolizer.js';
import type { WalkFrame } from './types.js';

export function toReportFrame(w: WalkFrame, arch: CpuArch, ip: string, sp: string, fp: string | undefined, symbols: FrameSymbolizer): Frame {
  const at = w.shown ?? w.pc;
  const frame: Frame = { instruction: at, trust: w.trust };
  frame.context = { arch, registers: w.registers, ip, sp, fp };
  if (w.valid) frame.context.valid = Object.keys(w.registers).filter((n) => w.valid!.has(n));
  const module = symbols.moduleAt(w.lookup);
  if (module === undefined) return frame;
  const base = symbols.modules[module].base;
  frame.module = module;
  frame.moduleOffset = at - base;
  const loaded = symbols.symbolsOf(module);
  if (!loaded) return frame;
  if (!loaded.file) {
    frame.missingSymbols = true;
    return frame;
  }
  const info = loaded.file.lookup(w.lookup - base);
  const sym = info.function ?? info.public;
  if (!sym) return frame;
  frame.function = sym.name;
  frame.functionOffset = at - (base + BigInt(sym.address));
  if (info.position?.file !== undefined) {
    frame.file = info.position.file;
    frame.line = info.position.line;
    if (info.line) frame.sourceOffset = at - (base + BigInt(info.line.address));
  }
  if (info.inlines.length > 0) {
    frame.inlines = info.inlines.map((c) => {
      const inline: { function: string; file?: string; line?: number } = { function: c.name };
      if (c.file !== undefined) inline.file = c.file;
      if (c.line !== undefined) inline.line = c.line;
      return inline;
    });
  }
  return frame;
}
