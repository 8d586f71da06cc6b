import type { CrashReport } from '@culprit/core';
import type { HumanOptions } from './index.js';

/** The `!analyze -v`-style summary of a Windows kernel dump: bug check, culprit and why, then evidence. */
export function renderWindowsKernelDump(report: CrashReport, opts: HumanOptions): string {
  const d = (report.details['windows-kernel-dump'] ?? {}) as KernelDetails;
  const hex = (v: bigint | number | undefined): string => (v === undefined ? '?' : '0x' + v.toString(16));
  const out: string[] = [];
  out.push(`Windows kernel dump (${report.format}, ${d.dumpTypeName ?? 'unknown type'})`);
  out.push(`Operating system: Windows NT ${report.system.os.version ?? ''}${report.system.os.description ? ` (${report.system.os.description})` : ''}`);
  out.push(`CPU: ${report.system.cpu.arch}, ${report.system.cpu.count ?? '?'} processors`);
  if (d.crashTime) out.push(`Crash time: ${d.crashTime}`);
  if (report.process?.name) out.push(`Process: ${report.process.name}`);
  out.push('');
  if (report.crash) {
    out.push(`Bug check: ${report.crash.reason}`);
    if (d.bugCheck?.description) out.push(`  ${d.bugCheck.description}`);
    d.bugCheck?.parameters.forEach((p, i) => {
      const label = p.label ?? (p.role === 'undocumented' ? '' : p.role.replace(/-/g, ' '));
      out.push(`  Arg${i + 1}: ${hex(p.value).padEnd(18)}  ${label}`);
    });
  }
  out.push('');
  const c = report.culprit;
  if (c) {
    out.push(c.summary);
    out.push(`Confidence: ${c.confidence}${c.thirdParty === undefined ? '' : c.thirdParty ? ' (third-party driver)' : ' (Windows driver)'}`);
    if (!opts.brief) {
      out.push('How this was decided:');
      c.steps.forEach((s, i) => out.push(`  ${i + 1}. ${s}`));
    }
  }
  if (report.signature) out.push(`Failure bucket: ${report.signature}`);
  if (opts.brief) return finish(out, report);

  const thread = report.threads[report.crashingThread ?? 0];
  if (thread?.frames.length) {
    out.push('');
    out.push('Faulting stack (context, then return addresses found by scanning):');
    thread.frames.slice(0, 24).forEach((f, i) => {
      const m = f.module !== undefined ? report.modules[f.module] : undefined;
      const where = m ? `${m.codeFile.split('\\').pop()}+0x${f.moduleOffset!.toString(16)}` : hex(f.instruction);
      out.push(` ${String(i).padStart(2)}  ${where}  [${f.trust}]`);
    });
  }
  out.push('');
  out.push(`Loaded drivers: ${report.modules.length}`);
  for (const m of report.modules) {
    const flag = m.flags?.[0] ?? '';
    out.push(`  ${hex(m.base).padEnd(20)} ${hex(m.size).padEnd(10)} ${m.codeFile.split('\\').pop()!.padEnd(28)} ${flag}`);
  }
  if (report.unloadedModules.length) {
    out.push(`Unloaded drivers: ${report.unloadedModules.length}`);
    for (const u of report.unloadedModules) out.push(`  ${hex(u.base).padEnd(20)} ${hex(u.size).padEnd(10)} ${u.codeFile}`);
  }
  return finish(out, report);
}

function finish(out: string[], report: CrashReport): string {
  for (const w of report.warnings) out.push(`Warning: ${w.message}`);
  return out.join('\n');
}

/** The slice of the kernel dump details this renderer reads (see core's KernelDumpDetails). */
interface KernelDetails {
  dumpTypeName?: string;
  crashTime?: string;
  bugCheck?: { description?: string; parameters: { value: bigint; role: string; label?: string }[] };
}
