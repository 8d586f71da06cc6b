import type { ByteSource } from '../../io/byte-source.js';
import { CulpritParseError, warningFromError } from '../../io/errors.js';
import { contextIp, contextSp } from '../../report/cpu.js';
import type { Annotation, CrashInfo, CrashReport, ModuleInfo, ProcessInfo, ThreadReport } from '../../report/model.js';
import { ModuleLookup } from '../../report/module-lookup.js';
import type { FormatReader, ReadOptions } from '../format-reader.js';
import type { MemoryRegions } from '../minidump/memory.js';
import { microdumpContext } from './context.js';
import type { MicrodumpDetails } from './details.js';
import { MICRODUMP_SNIFF_BYTES } from './limits.js';
import type { RawMicrodump } from './raw.js';
import { MICRODUMP_BEGIN, scanMicrodumps } from './scan.js';
import { assembleStack } from './stack.js';
import { microdumpArch, microdumpSystem } from './system.js';
import { StackMemory } from '../../unwind/stack-memory.js';
import { walkThreads } from '../../unwind/walk-threads.js';

const BEGIN_BYTES = Array.from(MICRODUMP_BEGIN, (c) => c.charCodeAt(0));

export const microdumpReader: FormatReader = {
  id: 'microdump',
  name: 'Breakpad microdump',
  /** A microdump is text anywhere in a log: claimed when the BEGIN marker is in the first 64 KiB. */
  sniff(head) {
    return indexOf(head.subarray(0, MICRODUMP_SNIFF_BYTES), BEGIN_BYTES) >= 0;
  },
  read(source: ByteSource, options: ReadOptions): CrashReport {
    return readMicrodumpReport(source, options).report;
  },
};

/** The report plus the crashed thread's stack memory, for the stack walker that follows. */
export interface MicrodumpAnalysis {
  report: CrashReport;
  memory: MemoryRegions;
}

export function readMicrodumpReport(source: ByteSource, options: ReadOptions = {}): MicrodumpAnalysis {
  const scan = scanMicrodumps(source);
  const dump = scan.dump;
  if (!dump) {
    throw new CulpritParseError('CULPRIT_ERR_BAD_SIGNATURE', `no '${MICRODUMP_BEGIN}' line`, { format: 'microdump', line: 1 });
  }
  const warnings = scan.warnings;
  const note = (code: string, message: string, line?: number): void => {
    warnings.push({ code, message: `microdump: ${message}`, part: 'microdump', line });
  };
  if (!dump.os) note('CULPRIT_ERR_TRUNCATED', `the dump that begins on line ${dump.beginLine} has no OS line (O): OS and CPU unknown`, dump.beginLine);
  const system = microdumpSystem(dump.os);
  const arch = microdumpArch(dump.os);

  const modules: ModuleInfo[] = dump.modules.map((m) => ({
    base: m.base,
    size: m.size,
    codeFile: m.name,
    // Breakpad uses the file name as the debug file too: symbols are stored under it.
    debugFile: m.name,
    debugId: m.debugId,
  }));

  const stack = assembleStack(dump, warnings);
  const thread: ThreadReport = { id: 0, frames: [] };
  if (stack.start !== undefined && stack.size !== undefined) thread.stack = { start: stack.start, size: stack.size };
  if (dump.context) {
    const ctx = microdumpContext(dump.context.bytes, dump.context.line, arch, warnings);
    if (ctx) {
      thread.context = ctx;
      const ip = contextIp(ctx);
      const module = new ModuleLookup(modules).find(ip);
      thread.frames.push({ instruction: ip, trust: 'context', module, moduleOffset: module !== undefined ? ip - modules[module].base : undefined, context: ctx });
    }
  } else {
    note('CULPRIT_ERR_TRUNCATED', `the dump that begins on line ${dump.beginLine} has no CPU context line (C): no frame can be placed`, dump.beginLine);
  }

  const report: CrashReport = {
    kind: 'minidump',
    format: 'microdump',
    system,
    process: processInfo(dump),
    crash: crashInfo(dump),
    threads: [thread],
    // The writer only dumps the thread that crashed.
    crashingThread: 0,
    // Nothing in a microdump says which mapping is the executable.
    mainModule: null,
    modules,
    unloadedModules: [],
    annotations: annotations(dump),
    warnings,
    details: { microdump: details(dump, scan, stack.bytes) },
  };
  // The walker reads one region, as Breakpad's does: the stack around the stack pointer.
  const sp = thread.context ? contextSp(thread.context) : undefined;
  const region = sp !== undefined ? stack.memory.regionAt(sp) : null;
  try {
    walkThreads(report, () => (region ? new StackMemory(region.start, region.bytes) : null), {
      supplier: options.symbols,
      maxFramesPerThread: options.maxFramesPerThread,
    });
  } catch (err) {
    warnings.push(warningFromError(err, 'stack walk'));
  }
  return { report, memory: stack.memory };
}

/**
 * The R line, in Breakpad's words: the writer's signal name and fault address, untouched. Older
 * writers print no R line; Breakpad then says reason '' at 0x0, Culprit says the address is
 * unknown. A microdump is only written by the crash handler, so the crash itself is certain.
 */
function crashInfo(dump: RawMicrodump): CrashInfo {
  const r = dump.crashReason;
  if (!r) return { reason: '', address: null, message: 'the microdump has no crash reason line (R)' };
  return { reason: r.name, code: r.signal, address: r.address };
}

function processInfo(dump: RawMicrodump): ProcessInfo {
  const p: ProcessInfo = {};
  if (dump.pid !== undefined) p.pid = dump.pid;
  return p;
}

function annotations(dump: RawMicrodump): Annotation[] {
  const out: Annotation[] = [];
  if (dump.product) {
    out.push({ source: 'microdump', key: 'product', value: dump.product.name });
    out.push({ source: 'microdump', key: 'version', value: dump.product.version });
  }
  if (dump.processType !== undefined) out.push({ source: 'microdump', key: 'process_type', value: dump.processType });
  return out;
}

function details(dump: RawMicrodump, scan: ReturnType<typeof scanMicrodumps>, stackBytes: number): MicrodumpDetails {
  const d: MicrodumpDetails = { dumps: scan.spans, chosen: scan.chosen, stackBytes, foreignLines: scan.foreignLines, unknownKeys: dump.unknownKeys };
  if (dump.product) d.product = dump.product;
  if (dump.processType !== undefined) d.processType = dump.processType;
  if (dump.os) {
    d.hwArch = dump.os.hwArch;
    d.arch = dump.os.arch;
  }
  if (dump.gpu && dump.gpu.raw !== 'UNKNOWN' && dump.gpu.raw !== '') d.gpu = { version: dump.gpu.version, vendor: dump.gpu.vendor, renderer: dump.gpu.renderer };
  if (dump.crashReason) d.signal = dump.crashReason.signal;
  if (dump.freeSpace) d.freeSpace = dump.freeSpace;
  if (dump.stackHeader) d.stackHeader = { sp: dump.stackHeader.sp, base: dump.stackHeader.base, size: dump.stackHeader.size };
  return d;
}

function indexOf(hay: Uint8Array, needle: number[]): number {
  const first = needle[0];
  for (let i = hay.indexOf(first); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
