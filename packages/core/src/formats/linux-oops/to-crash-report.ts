import type { OopsAnalysis } from '../../analysis/linux-oops/index.js';
import type { ReportWarning } from '../../io/errors.js';
import type { CrashReport, Frame, ModuleInfo, ThreadReport } from '../../report/model.js';
import { describeModuleMarker } from './taint.js';
import type { ScanStats } from './line-scanner.js';
import type { FaultingInstruction, KernelFrame, OopsReport } from './types.js';

/**
 * How a log with several reports fits one CrashReport:
 *   - the *primary* report is the first one in the log (the kernel numbers oopses `[#1]`, `[#2]`;
 *     later reports are most often consequences of the first). It fills crash, process,
 *     system, culprit and signature.
 *   - every report is one thread, in log order (threads[0] = primary = crashingThread): its
 *     faulting instruction then its call-trace frames, registers as the thread context.
 *   - details['linux-kernel-log'].reports lists every report with its own kind, title, facts,
 *     frames, modules, culprit, hashes and signature.
 */
export interface KernelLogDetails {
  primary: number | null;
  reports: ReportDetail[];
  scan: ScanStats & { droppedReports: number };
}

export interface ReportDetail extends Omit<OopsReport, 'lines'> {
  index: number;
  title: string;
  guiltyFunction?: string;
  culprit: OopsAnalysis['culprit'];
  signature: string;
  /** ABRT's kernel-oops DUPHASH (satyr koops compat, 6 reliable frames). */
  abrtHash: string;
  abrtHashText: string;
  abrtHashFallback: boolean;
  /** satyr's default duphash (normalized, all frames). */
  satyrHash: string;
  lineCount: number;
}

export function toCrashReport(reports: OopsReport[], analyses: OopsAnalysis[], stats: KernelLogDetails['scan'], warnings: ReportWarning[]): CrashReport {
  const primary = reports[0];
  const pa = analyses[0];
  const modules: ModuleInfo[] = [{ base: 0n, size: 0n, codeFile: 'vmlinux', flags: ['core-kernel'] }];
  const moduleIndex = (name: string | undefined): number => {
    if (!name) return 0;
    let i = modules.findIndex((m) => m.codeFile === name);
    if (i === -1) {
      modules.push({ base: 0n, size: 0n, codeFile: name });
      i = modules.length - 1;
    }
    return i;
  };
  for (const m of primary?.modules ?? []) {
    modules.push({ base: 0n, size: 0n, codeFile: m.name, flags: m.markers.length ? m.markers.map(describeModuleMarker) : undefined });
  }
  const threads: ThreadReport[] = reports.map((r, i) => toThread(r, analyses[i], i, moduleIndex));
  const details: KernelLogDetails = {
    primary: primary ? 0 : null,
    reports: reports.map((r, i) => toDetail(r, analyses[i], i)),
    scan: stats,
  };
  const report: CrashReport = {
    kind: 'linux-kernel-log',
    format: 'kernel-log',
    system: {
      os: { platform: 'Linux', id: 'linux', version: primary?.kernelVersion },
      cpu: { arch: primary?.arch ?? 'unknown' },
    },
    process: primary && (primary.pid !== undefined || primary.comm) ? { pid: primary.pid, name: primary.comm } : undefined,
    crash: primary
      ? {
          reason: pa.title.title,
          code: primary.errorCode ? parseInt(primary.errorCode, 16) : undefined,
          address: primary.faultAddress ?? primary.faulting?.address ?? null,
          message: primary.header,
        }
      : null,
    threads,
    crashingThread: primary ? 0 : null,
    mainModule: 0,
    modules,
    unloadedModules: primary?.lastUnloaded ? [{ base: 0n, size: 0n, codeFile: primary.lastUnloaded }] : [],
    annotations: primary ? annotations(primary) : [],
    culprit: pa?.culprit,
    signature: pa?.signature,
    warnings,
    details: { 'linux-kernel-log': details },
  };
  return report;
}

function annotations(r: OopsReport): CrashReport['annotations'] {
  const out: CrashReport['annotations'] = [];
  const add = (key: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') out.push({ source: 'linux-kernel-log', key, value });
  };
  add('hardware', r.hardware);
  add('taint', r.taint === '' ? 'Not tainted' : r.taint);
  add('workqueue', r.workqueue);
  add('cpu', r.cpu?.toString());
  return out;
}

function toThread(r: OopsReport, a: OopsAnalysis, index: number, moduleIndex: (name: string | undefined) => number): ThreadReport {
  const frames: Frame[] = [];
  if (r.faulting && r.faulting.register !== 'WARNING') frames.push(faultFrame(r.faulting, moduleIndex));
  for (const f of r.frames) frames.push(traceFrame(f, moduleIndex));
  const regs = Object.keys(r.registers).length;
  return {
    id: r.pid ?? index,
    name: `#${index + 1} ${a.title.title}${r.comm ? ` (${r.comm})` : ''}`,
    frames,
    context: regs ? { arch: r.arch, registers: r.registers, ip: ipName(r), sp: spName(r) } : undefined,
    truncated: r.truncated,
  };
}

function faultFrame(f: FaultingInstruction, moduleIndex: (name: string | undefined) => number): Frame {
  return { instruction: f.address ?? 0n, trust: 'context', module: moduleIndex(f.module), function: f.function, functionOffset: f.offset };
}

function traceFrame(f: KernelFrame, moduleIndex: (name: string | undefined) => number): Frame {
  return {
    instruction: f.address ?? 0n,
    trust: f.reliable ? 'prewalked' : 'unreliable',
    module: moduleIndex(f.module),
    function: f.function,
    functionOffset: f.offset,
    stackContext: f.stackContext,
  };
}

function ipName(r: OopsReport): string {
  switch (r.arch) {
    case 'amd64':
      return 'RIP';
    case 'x86':
      return 'EIP';
    case 'ppc64':
      return 'NIP';
    case 's390x':
      return 'PSW';
    default:
      return 'pc';
  }
}

function spName(r: OopsReport): string {
  switch (r.arch) {
    case 'amd64':
      return 'RSP';
    case 'x86':
      return 'ESP';
    case 'ppc64':
      return 'r1';
    case 's390x':
      return 'r15';
    default:
      return 'sp';
  }
}

function toDetail(r: OopsReport, a: OopsAnalysis, index: number): ReportDetail {
  const { lines, ...rest } = r;
  return {
    index,
    ...rest,
    title: a.title.title,
    guiltyFunction: a.title.guiltyFunction,
    culprit: a.culprit,
    signature: a.signature,
    abrtHash: a.hashes.abrt,
    abrtHashText: a.hashes.abrtText,
    abrtHashFallback: a.hashes.abrtFallback,
    satyrHash: a.hashes.satyr,
    lineCount: lines.length,
  };
}
