import { hostname } from 'node:os';
import { analyze, attributeBugCheck, BufferSource, hexCode, type CrashReport } from '@culprit/core';
import { FileSource } from '@culprit/core/node';
import type { CrashChannel, GuestPanicInfo, HyperVBugCheck } from '../detect/classify.js';
import { consoleGuestOs } from '../detect/console-panic.js';
import type { DumpResult } from '../collect/dump.js';
import { VM_LIMITS } from '../limits.js';
import type { GuestOs, VmCrashReport, VmIdentity } from './vm-report.js';

export interface CrashEvidence {
  vm: VmIdentity;
  channel: CrashChannel;
  events: string[];
  panicAction?: string;
  panicInfo?: GuestPanicInfo;
  statusAtCrash?: string;
  /** Console text of the crashed boot (from its boot banner or the last report). */
  console?: string;
  registers?: string;
  dump?: DumpResult;
  otherGuests: { name: string; qmp: string; status: string }[];
  guestOsHint?: GuestOs;
  detectedAt: Date;
}

/**
 * Turns the evidence into a report: a Linux guest's console goes through the kernel log analysis
 * (oops/panic title, culprit module, signature); a Windows guest's bug check through the bug check
 * catalogue, or through the kernel dump reader when QEMU wrote a `win-dmp` dump (driver attribution).
 */
export function buildVmReport(ev: CrashEvidence): VmCrashReport {
  const notes: string[] = [];
  const hyperV = ev.panicInfo?.type === 'hyper-v' ? (ev.panicInfo as { bugCheck: HyperVBugCheck }).bugCheck : undefined;
  const excerpt = ev.console !== undefined ? cut(ev.console) : undefined;
  const guestOs: GuestOs = ev.guestOsHint ?? (hyperV ? 'windows' : excerpt && consoleGuestOs(excerpt.excerpt) ? 'linux' : 'unknown');

  const report: VmCrashReport = {
    schema: 'culprit.vm-guest-crash/1',
    kind: 'vm-guest',
    vm: ev.vm,
    host: { name: hostname(), keptRunning: true, otherGuests: ev.otherGuests },
    detectedAt: ev.detectedAt.toISOString(),
    channel: ev.channel,
    events: ev.events,
    panicAction: ev.panicAction,
    panicInfo: ev.panicInfo,
    guestOs,
    statusAtCrash: ev.statusAtCrash,
    title: `guest ${ev.vm.name} crashed (${describeChannel(ev.channel)})`,
    console: excerpt,
    registers: ev.registers,
    dump: ev.dump,
    notes,
  };

  // A Windows kernel dump written by QEMU is the strongest evidence: it has the loaded drivers.
  let analysis: CrashReport | undefined;
  if (ev.dump?.taken && ev.dump.format === 'win-dmp') analysis = analyzeFile(ev.dump.path, notes);
  if (!analysis && excerpt && /\S/.test(excerpt.excerpt)) analysis = analyzeText(excerpt.excerpt, notes);
  if (analysis) {
    report.analysis = analysis;
    report.title = analysis.crash?.reason ?? report.title;
    report.culprit = analysis.culprit;
    report.signature = analysis.signature;
    if (report.guestOs === 'unknown') report.guestOs = analysis.kind === 'linux-kernel-log' ? 'linux' : analysis.kind === 'windows-kernel-dump' ? 'windows' : 'unknown';
  }
  if (hyperV) {
    const att = attributeBugCheck({ bugCheckCode: hyperV.code, parameters: hyperV.parameters, modules: [], unloaded: [], contexts: [], exceptions: [], stackAddresses: [] });
    report.bugCheck = {
      code: hexCode(hyperV.code),
      name: att.bugCheck.name,
      parameters: hyperV.parameters.map((p) => '0x' + p.toString(16).padStart(16, '0')),
      bucket: att.bucket,
      description: att.bugCheck.description,
    };
    if (!analysis || analysis.kind !== 'windows-kernel-dump') {
      report.title = `${att.bugCheck.name} (${hexCode(hyperV.code)})`;
      report.culprit = att.culprit;
      report.signature = att.bucket;
      if (!ev.dump?.taken) notes.push('No memory dump: the culprit comes from the bug check parameters alone (use --dump win-dmp for driver attribution).');
    }
  }
  if (!report.signature) report.signature = `vm-guest ${ev.channel}`;
  return report;
}

function cut(text: string): { excerpt: string; bytes: number; truncated: boolean } {
  const max = VM_LIMITS.consoleExcerptBytes;
  if (text.length <= max) return { excerpt: text, bytes: text.length, truncated: false };
  const tail = text.slice(text.length - max);
  const nl = tail.indexOf('\n');
  return { excerpt: nl >= 0 ? tail.slice(nl + 1) : tail, bytes: text.length, truncated: true };
}

function analyzeText(text: string, notes: string[]): CrashReport | undefined {
  try {
    return analyze(new BufferSource(new TextEncoder().encode(text)));
  } catch (err) {
    notes.push(`The console excerpt holds no report the engine recognises: ${(err as Error).message}`);
    return undefined;
  }
}

function analyzeFile(path: string, notes: string[]): CrashReport | undefined {
  let src: FileSource | undefined;
  try {
    src = new FileSource(path);
    return analyze(src);
  } catch (err) {
    notes.push(`The dump ${path} could not be analysed: ${(err as Error).message}`);
    return undefined;
  } finally {
    src?.close();
  }
}

export function describeChannel(c: CrashChannel): string {
  switch (c) {
    case 'pvpanic':
      return 'pvpanic GUEST_PANICKED';
    case 'hyper-v':
      return 'Hyper-V crash MSRs';
    case 'crash-loaded':
      return 'the guest loaded its crash kernel';
    case 'guest-panic-shutdown':
      return 'QEMU shut the guest down on a panic';
    case 'unexpected-reset':
      return 'the guest reset unexpectedly';
    case 'unexpected-shutdown':
      return 'the guest shut down unexpectedly';
    case 'console':
      return 'panic on the serial console';
  }
}
