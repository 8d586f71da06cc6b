import { fileNameOf, type CrashReport, type MinidumpDetails } from '@culprit/core';
import type { HumanOptions } from './index.js';
import { frameLocation, hex, inlineLines, registerLines, TRUST_TEXT } from './frames.js';

/** A minidump report laid out like Breakpad's minidump_stackwalk, plus what Culprit adds. */
export function renderMinidump(report: CrashReport, opts: HumanOptions): string {
  const out: string[] = [];
  const { os, cpu } = report.system;
  const details = report.details.minidump as MinidumpDetails | undefined;
  out.push(`Operating system: ${os.platform}`);
  out.push(`                  ${os.description ?? os.version ?? ''}`);
  out.push(`CPU: ${cpu.arch}`);
  if (cpu.description) out.push(`     ${cpu.description}`);
  out.push(`     ${cpu.count ?? 0} CPU${cpu.count === 1 ? '' : 's'}`);
  out.push('');
  const wide = report.system.cpu.arch === 'amd64' || report.system.cpu.arch === 'arm64';
  if (report.crash && report.crash.reason !== '') {
    out.push(`Crash reason:  ${report.crash.reason}`);
    out.push(`Crash address: ${report.crash.address !== null ? hex(report.crash.address, wide ? 16 : 8) : 'unknown'}`);
  } else {
    out.push('No crash');
  }
  if (report.crash?.assertion) out.push(`Assertion: ${report.crash.assertion}`);
  const up = report.process?.uptimeSeconds;
  out.push(`Process uptime: ${up !== undefined ? `${up} seconds` : 'not available'}`);
  if (report.culprit) out.push(`Culprit: ${report.culprit.summary}`);
  if (report.signature) out.push(`Signature: ${report.signature}`);
  out.push('');

  // The dump-writing thread is the crash handler itself; like both reference tools, don't show it.
  const order = report.threads.map((_, i) => i).filter((i) => !report.threads[i].wroteDump);
  if (report.crashingThread !== null && order.includes(report.crashingThread)) {
    order.splice(order.indexOf(report.crashingThread), 1);
    order.unshift(report.crashingThread);
  }
  const shown = opts.brief ? order.slice(0, 1) : order;
  for (const ti of shown) {
    const t = report.threads[ti];
    let head = `Thread ${ti}`;
    if (ti === report.crashingThread) head += ' (crashed)';
    else if (details?.requestingThread === ti) head += ' (requesting thread)';
    head += ` - tid: ${t.id}`;
    if (t.name) head += ` - ${t.name}`;
    out.push(head);
    // Inlined calls come first, innermost first, each numbered as a frame of its own, the way
    // Breakpad prints them ("Found by: inline record"), then the physical frame.
    let n = 0;
    for (const f of t.frames) {
      for (const line of inlineLines(report, f)) {
        out.push(`${String(n++).padStart(2)}  ${line}`);
        out.push('    Found by: inline record');
      }
      out.push(`${String(n++).padStart(2)}  ${frameLocation(report, f)}`);
      if (f.context && !opts.brief) out.push(...registerLines(f.context, '    '));
      out.push(`    Found by: ${TRUST_TEXT[f.trust]}`);
    }
    if (t.truncated) out.push(`    (walk stopped: ${t.truncated})`);
    out.push('');
  }

  if (!opts.brief) {
    out.push('Loaded modules:');
    const byBase = report.modules.map((m, i) => ({ m, i })).sort((a, b) => (a.m.base < b.m.base ? -1 : a.m.base > b.m.base ? 1 : 0));
    for (const { m, i } of byBase) {
      const name = fileNameOf(m.codeFile);
      let line = `${hex(m.base, 8)} - ${hex(m.base + m.size - 1n, 8)}  ${name}  ${m.version ?? '???'}`;
      if (i === report.mainModule) line += '  (main)';
      if (m.debugId) line += `  (${m.debugFile ?? ''}, ${m.debugId})`;
      if (m.symbols === 'missing') line += '  (WARNING: No symbols)';
      if (m.symbols === 'corrupt') line += '  (WARNING: Corrupt symbols)';
      out.push(line);
    }
    out.push('');
    if (report.unloadedModules.length > 0) {
      out.push('Unloaded modules:');
      for (const m of report.unloadedModules) out.push(`${hex(m.base, 8)} - ${hex(m.base + m.size - 1n, 8)}  ${m.codeFile}`);
      out.push('');
    }
    if (report.annotations.length > 0) {
      out.push('Annotations:');
      for (const a of report.annotations) out.push(`  [${a.source}${a.module ? ' ' + a.module : ''}] ${a.key} = ${a.value}`);
      out.push('');
    }
    if (details?.crashpad) {
      out.push(`Crashpad report id: ${details.crashpad.reportId}`);
      out.push(`Crashpad client id: ${details.crashpad.clientId}`);
      out.push('');
    }
    const unknown = details?.streams.filter((s) => s.name.startsWith('UnknownStream')) ?? [];
    if (unknown.length > 0) {
      out.push('Unknown streams (listed, not read):');
      for (const s of unknown) out.push(`  ${s.name} @ ${hex(s.rva, 8)}, ${s.size} bytes`);
      out.push('');
    }
  }
  if (report.warnings.length > 0) {
    out.push('Warnings (damaged parts; the rest of the report stands):');
    for (const w of report.warnings) out.push(`  ${w.message}`);
  }
  return out.join('\n');
}
