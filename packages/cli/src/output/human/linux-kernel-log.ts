import type { CrashReport, Culprit } from '@culprit/core';
import type { HumanOptions } from './index.js';

/**
 * Readable form of a Linux kernel log: every report found, primary first, each with its title,
 * task, taint, faulting instruction, culprit and call trace, in the spirit of syzbot's report
 * pages and abrt's problem summaries. Only the slice of the reader's details that is shown is
 * declared here.
 */
interface FrameView {
  reliable: boolean;
  function?: string;
  offset?: bigint;
  length?: bigint;
  module?: string;
  address?: bigint;
  stackContext?: string;
  stack: number;
  cpuSection: number;
}

interface ReportView {
  index: number;
  kind: string;
  title: string;
  header: string;
  firstLine: number;
  lastLine: number;
  cpu?: number;
  pid?: number;
  comm?: string;
  kernelVersion?: string;
  arch: string;
  taint?: string;
  taintFlags: { letter: string; meaning: string }[];
  hardware?: string;
  oopsNumber?: number;
  errorCode?: string;
  faultAddress?: bigint;
  sourceLocation?: string;
  faulting?: { register: string; text: string; function?: string; offset?: bigint; length?: bigint; module?: string; address?: bigint };
  registers: Record<string, bigint>;
  frames: FrameView[];
  modules: { name: string; markers: string[] }[];
  consequenceOf?: number;
  culprit: Culprit;
  signature: string;
  abrtHash: string;
  abrtHashFallback: boolean;
  noiseLines: number;
}

interface DetailsView {
  primary: number | null;
  reports: ReportView[];
}

const hex = (v: bigint): string => '0x' + v.toString(16);

function frameText(f: { function?: string; offset?: bigint; length?: bigint; module?: string; address?: bigint }): string {
  if (!f.function) return f.address !== undefined ? hex(f.address) : '??';
  let s = f.function;
  if (f.offset !== undefined) s += `+${hex(f.offset)}`;
  if (f.length !== undefined) s += `/${hex(f.length)}`;
  if (f.module) s += ` [${f.module}]`;
  return s;
}

function renderOne(r: ReportView, lines: string[], brief: boolean): void {
  const follows = r.consequenceOf !== undefined ? `   (follows #${r.consequenceOf + 1})` : '';
  lines.push(`#${r.index + 1} ${r.title}${follows}`);
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`   ${(label ? label + ':' : '').padEnd(12)} ${value}`);
  };
  row('Kind', `${r.kind} (log lines ${r.firstLine}-${r.lastLine}${r.noiseLines ? `, ${r.noiseLines} unrelated lines skipped` : ''})`);
  if (r.header !== r.title) row('Message', r.header);
  const task = [r.comm, r.pid !== undefined ? `pid ${r.pid}` : undefined].filter(Boolean).join(', ');
  row('Task', task ? `${task}${r.cpu !== undefined ? ` on CPU ${r.cpu}` : ''}` : r.cpu !== undefined ? `CPU ${r.cpu}` : undefined);
  row('Kernel', r.kernelVersion ? `${r.kernelVersion} (${r.arch})` : r.arch !== 'unknown' ? r.arch : undefined);
  row('Hardware', r.hardware);
  if (r.taint !== undefined) {
    const flags = r.taintFlags.filter((t) => t.letter !== 'G');
    row('Taint', r.taint === '' || flags.length === 0 ? 'not tainted' : flags.map((t) => `${t.letter} (${t.meaning})`).join(', '));
  }
  if (r.oopsNumber !== undefined) row('Oops', `#${r.oopsNumber}${r.errorCode ? `, error code ${r.errorCode}` : ''}${r.oopsNumber > 1 ? ' (the kernel had oopsed before)' : ''}`);
  if (r.faultAddress !== undefined) row('Address', hex(r.faultAddress));
  row('Source', r.sourceLocation);
  if (r.faulting) row('Faulting', `${r.faulting.register === 'WARNING' ? 'WARN at' : r.faulting.register} ${frameText(r.faulting)}`);
  row('Culprit', `${r.culprit.name} (${r.culprit.confidence} confidence)`);
  row('', r.culprit.summary);
  if (!brief) for (const s of r.culprit.steps) lines.push(`                - ${s}`);
  row('Signature', r.signature);
  row('ABRT hash', `${r.abrtHash}${r.abrtHashFallback ? ' (no reliable frame: ABRT fallback hash)' : ''}`);
  if (r.frames.length) {
    lines.push('   Call trace:');
    let stack = -1;
    let section = 0;
    let context: string | undefined;
    r.frames.forEach((f, i) => {
      if (f.cpuSection !== section) {
        section = f.cpuSection;
        lines.push(`     -- another CPU (NMI backtrace) --`);
      } else if (f.stack !== stack && stack !== -1) lines.push('     -- next trace --');
      stack = f.stack;
      if (f.stackContext !== context) {
        if (f.stackContext) lines.push(`     <${f.stackContext}>`);
        else if (context) lines.push(`     </${context}>`);
        context = f.stackContext;
      }
      lines.push(`     ${String(i).padStart(3)}  ${f.reliable ? '  ' : '? '}${frameText(f)}`);
    });
  }
  if (!brief) {
    if (r.modules.length) {
      const name = (m: { name: string; markers: string[] }): string => (m.markers.length ? `${m.name}(${m.markers.join('')})` : m.name);
      const marked = r.modules.filter((m) => m.markers.length > 0);
      if (marked.length) row('Marked', `${marked.map(name).join(' ')}   (P proprietary, O out-of-tree, E unsigned, F forced, C staging)`);
      const shown = r.modules.slice(0, 40).map(name);
      row('Modules', `${shown.join(' ')}${r.modules.length > 40 ? ` ... (${r.modules.length} in all)` : ''}`);
    }
    const regs = Object.entries(r.registers);
    if (regs.length) {
      const parts = regs.map(([k, v]) => `${k}=${hex(v)}`);
      for (let i = 0; i < parts.length; i += 4) lines.push(`   ${i === 0 ? 'Registers:  ' : '            '} ${parts.slice(i, i + 4).join('  ')}`);
    }
  }
}

export function renderLinuxKernelLog(report: CrashReport, opts: HumanOptions): string {
  const d = report.details['linux-kernel-log'] as DetailsView | undefined;
  const lines: string[] = [];
  const reports = d?.reports ?? [];
  lines.push(`Linux kernel log: ${reports.length} report${reports.length === 1 ? '' : 's'} found${reports.length ? ' (primary: #1, the first in the log)' : ''}`);
  if (report.system.os.version) lines.push(`Kernel: ${report.system.os.version} (${report.system.cpu.arch})`);
  const shown = opts.brief ? reports.slice(0, 1) : reports;
  for (const r of shown) {
    lines.push('');
    renderOne(r, lines, opts.brief);
  }
  if (opts.brief && reports.length > 1) lines.push('', `(${reports.length - 1} more reports; run without --brief to see them)`);
  if (report.warnings.length) {
    lines.push('');
    for (const w of report.warnings) lines.push(`Warning: ${w.message}${w.line !== undefined ? ` (line ${w.line})` : ''}`);
  }
  return lines.join('\n');
}
