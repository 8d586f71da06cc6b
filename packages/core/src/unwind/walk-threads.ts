/**
 * Walks every thread of a report that has a context (the thread that wrote the dump has none
 * and is skipped, as its stack shows the handler, not the crash), symbolicates the frames and
 * records each module's symbol status.
 */
import type { CrashReport } from '../report/model.js';
import type { ModuleLookup } from '../report/module-lookup.js';
import type { SymbolSupplier } from '../symbols/types.js';
import { toReportFrame } from './frames.js';
import { StackMemory } from './stack-memory.js';
import { FrameSymbolizer } from './symbolizer.js';
import { walkStack } from './walker.js';

/** The stack memory of report thread `index`, or null when the dump has none. */
export type ThreadStack = (index: number) => StackMemory | null;

export interface WalkOptions {
  supplier?: SymbolSupplier;
  maxFramesPerThread?: number;
  /** An index of `report.modules` the reader already built (it is then not built twice). */
  moduleLookup?: ModuleLookup;
}

export function walkThreads(report: CrashReport, stackOf: ThreadStack, options: WalkOptions = {}): void {
  const symbols = new FrameSymbolizer(report.modules, options.supplier, options.moduleLookup);
  const os = report.system.os.id; // Breakpad's os_short: 'windows', 'linux', 'mac'...
  const noStack = new StackMemory(0n, new Uint8Array(0));
  report.threads.forEach((thread, index) => {
    const ctx = thread.context;
    if (thread.wroteDump || !ctx) return;
    const stack = stackOf(index);
    const result = walkStack(ctx, { stack: stack ?? noStack, symbols, os }, options.maxFramesPerThread);
    thread.frames = result.frames.map((w) => toReportFrame(w, ctx.arch, ctx.ip, ctx.sp, ctx.fp, symbols));
    // The context frame shows every register the dump gave.
    if (thread.frames.length > 0) thread.frames[0].context = ctx;
    if (result.truncated) thread.truncated = result.truncated;
  });
  for (const [module, status] of symbols.statuses()) report.modules[module].symbols = status;
}
