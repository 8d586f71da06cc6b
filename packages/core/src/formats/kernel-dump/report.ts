import type { CrashReport, Frame, ModuleInfo, ThreadReport } from '../../report/model.js';
import { contextIp, contextSp, pointerSize } from '../../report/cpu.js';
import { lookupBugCheck, hexCode, type ParameterRole } from '../../analysis/bugcheck/catalogue.js';
import { dumpTypeName } from './constants.js';
import { ntVersionOfBuild, windowsReleaseName } from './os-version.js';
import { scanStack } from './stack-scan.js';
import type { ParsedKernelDump } from './parse.js';

/** What the kernel dump reader adds under `report.details['windows-kernel-dump']`. */
export interface KernelDumpDetails {
  dumpType: number | null;
  dumpTypeName: string;
  /** 0xF free build, 0xC checked build. */
  kernelBuildType: 'free' | 'checked' | string;
  bugCheck: {
    code: number;
    name: string;
    description?: string;
    category: string;
    parameters: { value: bigint; role: ParameterRole; label?: string }[];
  };
  /** `!analyze`-style failure bucket (0x7E_amdppm.sys+0x334c), set by analysis/bugcheck. */
  bucket?: string;
  /**
   * Where the reader saw the fault, for attribution (analysis/bugcheck): instruction pointers of
   * saved contexts and faulting addresses of exception records, strongest first. Return addresses
   * found by scanning the stack are the crashing thread's 'scan' frames.
   */
  evidence: {
    contexts: { label: string; ip: bigint }[];
    exceptions: { label: string; code: number; address: bigint }[];
  };
  crashTime?: string;
  uptimeSeconds?: number;
  releaseName?: string;
  directoryTableBase: bigint;
  psLoadedModuleList: bigint;
  kdDebuggerDataBlock?: bigint;
  kernelBase?: bigint;
  comment?: string;
  exceptionRecord?: { code: number; address: bigint; parameters: bigint[] };
  faultContext?: { parameter: number; address: bigint };
  faultException?: { parameter: number; address: bigint; code: number };
  triage?: {
    topOfStack: bigint;
    stackBytes: number;
    dataBlocks: number;
    stringPoolBytes: number;
    servicePackBuild: number;
    processNameHeuristic: boolean;
  };
  physicalMemory?: {
    kind: string;
    runs: number;
    pages: number;
    bitmapSignature?: string;
    bitmapLayout?: string;
    pagingMode: string | null;
    moduleListComplete: boolean;
  };
}

const WINDOWS_EPOCH_OFFSET = 11644473600n; // seconds from 1601 to 1970

export function buildReport(dump: ParsedKernelDump): CrashReport {
  const h = dump.header;
  const ptr = pointerSize(dump.arch) === 8 || h.is64 ? 8 : 4;
  const build = h.minorVersion;
  const modules: ModuleInfo[] = dump.drivers.map((d) => ({
    base: d.base,
    size: BigInt(d.size),
    codeFile: d.path,
    codeId: d.timestamp || d.size ? `${d.timestamp.toString(16).toUpperCase().padStart(8, '0')}${d.size.toString(16)}` : undefined,
    timestamp: d.timestamp,
    checksum: d.checksum,
  }));
  const moduleIndex = (address: bigint): number => modules.findIndex((m) => address >= m.base && address < m.base + m.size);

  // The faulting thread: the fault context when a parameter pointed at one, else the header's.
  const topContext = dump.faultContext?.context ?? dump.headerContext ?? undefined;
  const frames: Frame[] = [];
  const pushFrame = (instruction: bigint, trust: Frame['trust']): void => {
    const i = moduleIndex(instruction);
    frames.push(i >= 0 ? { instruction, trust, module: i, moduleOffset: instruction - modules[i]!.base } : { instruction, trust });
  };
  if (topContext) pushFrame(contextIp(topContext), 'context');
  const scanned = dump.stack
    ? scanStack(dump.stack.bytes, dump.stack.base, topContext ? contextSp(topContext) : dump.stack.base, ptr, modules)
    : [];
  for (const s of scanned) pushFrame(s.value, 'scan');
  const thread: ThreadReport = { id: 0, frames, context: topContext };
  if (dump.stack) thread.stack = { start: dump.stack.base, size: dump.stack.bytes.byteLength };

  const info = lookupBugCheck(h.bugCheckCode, h.bugCheckParameters);
  const contexts: { label: string; ip: bigint }[] = [];
  if (dump.faultContext) contexts.push({ label: `the saved context (parameter ${dump.faultContext.parameter})`, ip: contextIp(dump.faultContext.context) });
  if (dump.headerContext) contexts.push({ label: 'the context saved in the dump header', ip: contextIp(dump.headerContext) });
  const exceptions: { label: string; code: number; address: bigint }[] = [];
  if (dump.faultException) {
    exceptions.push({ label: `the exception record (parameter ${dump.faultException.parameter})`, code: dump.faultException.record.code, address: dump.faultException.record.address });
  }
  if (dump.headerException) exceptions.push({ label: 'the dump header', code: dump.headerException.code, address: dump.headerException.address });
  const details: KernelDumpDetails = {
    dumpType: h.dumpType ?? null,
    dumpTypeName: h.dumpType === undefined ? 'unknown' : dumpTypeName(h.dumpType),
    kernelBuildType: h.majorVersion === 0xf ? 'free' : h.majorVersion === 0xc ? 'checked' : `0x${h.majorVersion.toString(16)}`,
    bugCheck: {
      code: h.bugCheckCode,
      name: info.name,
      description: info.description,
      category: info.category,
      parameters: h.bugCheckParameters.map((value, i) => ({ value, role: info.roles[i]!, label: info.labels?.[i] })),
    },
    evidence: { contexts, exceptions },
    releaseName: windowsReleaseName(build, h.productType),
    directoryTableBase: h.directoryTableBase,
    psLoadedModuleList: h.psLoadedModuleList,
    kdDebuggerDataBlock: h.kdDebuggerDataBlock,
    kernelBase: dump.kdDebuggerData?.kernBase,
    comment: h.comment,
  };
  if (h.systemTime !== undefined && h.systemTime > 0n) {
    const seconds = h.systemTime / 10_000_000n - WINDOWS_EPOCH_OFFSET;
    if (seconds > 0n && seconds < 4_102_444_800n) details.crashTime = new Date(Number(seconds) * 1000).toISOString();
  }
  if (h.systemUpTime !== undefined && h.systemUpTime < 10_000_000n * 86400n * 36500n) details.uptimeSeconds = Number(h.systemUpTime / 10_000_000n);
  if (dump.headerException) details.exceptionRecord = { code: dump.headerException.code, address: dump.headerException.address, parameters: dump.headerException.parameters };
  if (dump.faultContext) details.faultContext = { parameter: dump.faultContext.parameter, address: dump.faultContext.address };
  if (dump.faultException) details.faultException = { parameter: dump.faultException.parameter, address: dump.faultException.address, code: dump.faultException.record.code };
  if (dump.triage) {
    details.triage = {
      topOfStack: dump.triage.topOfStack,
      stackBytes: dump.stack?.bytes.byteLength ?? 0,
      dataBlocks: dump.dataBlockCount,
      stringPoolBytes: dump.triage.stringPoolSize,
      servicePackBuild: dump.triage.servicePackBuild,
      processNameHeuristic: dump.processName !== undefined,
    };
  }
  if (dump.fullMemory) {
    const f = dump.fullMemory;
    details.physicalMemory = {
      kind: f.layout.kind,
      runs: f.layout.runs.length,
      pages: f.layout.pages,
      bitmapSignature: f.layout.bitmapSignature,
      bitmapLayout: f.layout.bitmapLayout,
      pagingMode: f.pagingMode,
      moduleListComplete: f.moduleListComplete,
    };
  }

  const nt = ntVersionOfBuild(build);
  return {
    kind: 'windows-kernel-dump',
    format: h.is64 ? 'PAGEDU64' : 'PAGEDUMP',
    system: {
      os: {
        platform: 'Windows NT',
        id: 'windows',
        version: nt ? `${nt}.${build}` : String(build),
        build: String(build),
        description: details.releaseName,
      },
      cpu: { arch: dump.arch, count: h.numberProcessors },
    },
    process: dump.processName ? { name: dump.processName } : undefined,
    crash: {
      reason: `${info.name} (${hexCode(h.bugCheckCode)})`,
      code: h.bugCheckCode,
      // The fault address is decided by attribution (analysis/bugcheck), from the evidence.
      address: null,
      parameters: h.bugCheckParameters,
      message: info.description,
    },
    threads: [thread],
    crashingThread: 0,
    mainModule: null,
    modules,
    unloadedModules: dump.unloadedDrivers.map((u) => ({ base: u.start, size: u.end > u.start ? u.end - u.start : 0n, codeFile: u.name })),
    annotations: [],
    warnings: dump.warnings,
    details: { 'windows-kernel-dump': details },
  };
}
