import type { ByteSource } from '../../io/byte-source.js';
import { warningFromError } from '../../io/errors.js';
import type { FormatReader, ReadOptions } from '../format-reader.js';
import { contextIp, pointerSize } from '../../report/cpu.js';
import type { CrashReport, ProcessInfo, ThreadReport } from '../../report/model.js';
import { ModuleLookup } from '../../report/module-lookup.js';
import { MINIDUMP_SIGNATURE, MINIDUMP_SIGNATURE_SWAPPED, MINIDUMP_STREAM_TYPE as S, streamTypeName } from './constants.js';
import { readContext } from './context/index.js';
import { describeCrash } from './crash.js';
import { readLinuxDetails } from './linux.js';
import { MemoryRegions } from './memory.js';
import { Minidump } from './minidump.js';
import { moduleInfo, unloadedModuleInfo } from './modules.js';
import { fileNameOf } from '../../report/file-name.js';
import { collectAnnotations } from './annotations.js';
import { systemInfo } from './system.js';
import { readBreakpadInfo } from './streams/breakpad-info.js';
import { readException } from './streams/exception.js';
import { readMemory64List, readMemoryList } from './streams/memory-list.js';
import { readMemoryInfoList } from './streams/memory-info-list.js';
import { readMiscInfo } from './streams/misc-info.js';
import { readModuleList } from './streams/module-list.js';
import { readSystemInfo } from './streams/system-info.js';
import { readThreadList } from './streams/thread-list.js';
import { readThreadNames } from './streams/thread-names.js';
import { readUnloadedModuleList } from './streams/unloaded-module-list.js';
import { readHandleData } from './streams/handle-data.js';
import type { MinidumpDetails } from './details.js';
import { walkThreads } from '../../unwind/walk-threads.js';
import { StackMemory } from '../../unwind/stack-memory.js';
import { UNWIND_LIMITS } from '../../unwind/limits.js';

export const minidumpReader: FormatReader = {
  id: 'minidump',
  name: 'Minidump',
  sniff(head) {
    if (head.length < 4) return false;
    const sig = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
    return sig === MINIDUMP_SIGNATURE || sig === MINIDUMP_SIGNATURE_SWAPPED;
  },
  read(source: ByteSource, options: ReadOptions): CrashReport {
    return readMinidumpReport(new Minidump(source), options).report;
  },
};

/** The report plus the open dump and its memory, for the stack walker that follows. */
export interface MinidumpAnalysis {
  report: CrashReport;
  dump: Minidump;
  memory: MemoryRegions;
}

export function readMinidumpReport(dump: Minidump, options: ReadOptions = {}): MinidumpAnalysis {
  const rawSystem = dump.stream(S.SystemInfoStream, readSystemInfo);
  const system = systemInfo(rawSystem);
  const misc = dump.stream(S.MiscInfoStream, readMiscInfo);

  const rawModules = dump.stream(S.ModuleListStream, readModuleList) ?? [];
  // The part name is built only for a module with errors (most have none, and a batch reads many).
  rawModules.forEach((m, i) => m.errors.length > 0 && dump.note(m.errors, `ModuleListStream module ${i}`));
  const modules = rawModules.map((m) => moduleInfo(m, system.os.id));
  const unloaded = dump.stream(S.UnloadedModuleListStream, readUnloadedModuleList);
  if (unloaded) dump.note(unloaded.errors, 'UnloadedModuleListStream');

  const ranges = dump.stream(S.MemoryListStream, readMemoryList) ?? [];
  const mem64 = dump.stream(S.Memory64ListStream, readMemory64List);
  if (mem64?.truncated) {
    dump.warnings.push({ code: 'CULPRIT_ERR_TRUNCATED', message: 'Memory64ListStream: the file ends before the memory it describes', part: 'Memory64ListStream' });
  }
  const memory = new MemoryRegions(dump.file, [...ranges, ...(mem64?.ranges ?? [])]);

  const exception = dump.stream(S.ExceptionStream, readException);
  const breakpad = dump.stream(S.BreakpadInfoStream, readBreakpadInfo);
  const names = dump.stream(S.ThreadNamesStream, readThreadNames);
  if (names) dump.note(names.errors, 'ThreadNamesStream');
  const rawThreads = dump.stream(S.ThreadListStream, readThreadList) ?? [];

  const lookup = new ModuleLookup(modules);
  const threads: ThreadReport[] = [];
  const stacks: (StackMemory | null)[] = [];
  let crashingThread: number | null = null;
  let requestingThread: number | null = null;
  for (const t of rawThreads) {
    const thread: ThreadReport = { id: t.threadId, frames: [] };
    // The thread that wrote the dump shows the handler, not the crash: listed, not walked.
    if (breakpad?.dumpThreadId !== undefined && t.threadId === breakpad.dumpThreadId) {
      thread.wroteDump = true;
      threads.push(thread);
      continue;
    }
    const name = names?.names.find((n) => n.threadId === t.threadId);
    if (name) thread.name = name.name;
    thread.stack = { start: t.stack.start, size: t.stack.memory.dataSize };
    stacks[threads.length] = threadStack(dump, t.stack.start, t.stack.memory.rva, t.stack.memory.dataSize);
    const isException = exception !== undefined && exception.threadId === t.threadId;
    const loc = isException && exception.threadContext.rva !== 0 ? exception.threadContext : t.threadContext;
    try {
      if (loc.dataSize > 0) {
        const view = dump.file.view(loc.rva, loc.dataSize, isException ? 'ExceptionStream context' : `ThreadListStream thread ${t.threadId} context`);
        thread.context = readContext(view, system.cpu.arch, misc?.xstate);
      }
    } catch (err) {
      dump.warnings.push(warningFromError(err, `thread ${t.threadId} context`));
    }
    if (thread.context) {
      const ip = contextIp(thread.context);
      const module = lookup.find(ip);
      thread.frames.push({
        instruction: ip,
        trust: 'context',
        module,
        moduleOffset: module !== undefined ? ip - modules[module].base : undefined,
        context: thread.context,
      });
    }
    if (isException) crashingThread = threads.length;
    if (breakpad?.requestingThreadId === t.threadId) requestingThread = threads.length;
    threads.push(thread);
  }

  const linux = readLinuxDetails(dump, rawSystem ? pointerSize(system.cpu.arch) : 8);
  const crash = describeCrash(dump, exception, system, rawSystem);
  const extras = collectAnnotations(dump, (i) => {
    const m = rawModules[i] as (typeof rawModules)[number] | undefined;
    return m ? fileNameOf(m.name) : undefined;
  });

  const processInfo: ProcessInfo = {};
  if (misc?.processId !== undefined) processInfo.pid = misc.processId;
  else if (linux.status?.Pid) processInfo.pid = Number(linux.status.Pid);
  if (misc?.processCreateTime !== undefined) {
    processInfo.createTime = misc.processCreateTime;
    if (dump.header.timeDateStamp >= misc.processCreateTime) processInfo.uptimeSeconds = dump.header.timeDateStamp - misc.processCreateTime;
  }
  if (misc?.processUserTime !== undefined) processInfo.userTimeSeconds = misc.processUserTime;
  if (misc?.processKernelTime !== undefined) processInfo.kernelTimeSeconds = misc.processKernelTime;
  if (modules.length > 0) processInfo.name = fileNameOf(modules[0].codeFile);
  if (linux.cmdline) processInfo.commandLine = linux.cmdline.join(' ');

  const handles = dump.stream(S.HandleDataStream, readHandleData);
  if (handles) dump.note(handles.errors, 'HandleDataStream');
  const memoryInfo = dump.stream(S.MemoryInfoListStream, readMemoryInfoList);

  const details: MinidumpDetails = {
    header: { version: dump.header.version, timeDateStamp: dump.header.timeDateStamp, flags: dump.header.flags, checkSum: dump.header.checkSum },
    streams: dump.directory.map((e) => ({ type: e.streamType, name: streamTypeName(e.streamType), size: e.dataSize, rva: e.rva })),
    exception: exception && {
      threadId: exception.threadId,
      code: exception.exceptionCode,
      flags: exception.exceptionFlags,
      address: exception.exceptionAddress,
      parameters: exception.parameters,
    },
    breakpadInfo: breakpad,
    requestingThread,
    miscInfo: misc,
    memoryRanges: memory.count,
    memoryInfo,
    handles: handles?.handles,
    linux: linux.present ? linux : undefined,
    crashpad: extras.crashpad,
    macCrashInfo: extras.macCrashInfo,
    macBootArgs: extras.macBootArgs,
    systemInfoRaw: rawSystem && { processorArchitecture: rawSystem.processorArchitecture, platformId: rawSystem.platformId, productType: rawSystem.productType, suiteMask: rawSystem.suiteMask },
  };

  const report: CrashReport = {
    kind: 'minidump',
    format: dump.format,
    system,
    process: processInfo,
    crash,
    threads,
    crashingThread,
    mainModule: modules.length > 0 ? 0 : null,
    modules,
    unloadedModules: (unloaded?.modules ?? []).map(unloadedModuleInfo),
    annotations: extras.annotations,
    warnings: dump.warnings,
    details: { minidump: details },
  };
  if (crash?.threadId !== undefined && crashingThread === null && exception) {
    dump.warnings.push({ code: 'CULPRIT_ERR_BAD_VALUE', message: `the exception names thread ${exception.threadId}, which is not in the thread list`, part: 'ExceptionStream' });
  }
  try {
    walkThreads(report, (i) => stacks[i] ?? null, { supplier: options.symbols, maxFramesPerThread: options.maxFramesPerThread, moduleLookup: lookup });
  } catch (err) {
    // The walker reads only through bounds-checked memory; this guards the report against a bug.
    dump.warnings.push(warningFromError(err, 'stack walk'));
  }
  return { report, dump, memory };
}

/** The thread's stack bytes as its descriptor gives them (cut at the file's end and at a limit). */
function threadStack(dump: Minidump, start: bigint, rva: number, size: number): StackMemory | null {
  if (size === 0 || rva >= dump.file.size) return null;
  const length = Math.min(size, dump.file.size - rva, UNWIND_LIMITS.stackBytes);
  return new StackMemory(start, dump.file.source.read(rva, length), dump.file.littleEndian);
}
