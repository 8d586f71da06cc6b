// Extraction from real kernel logs (../shared/corpus/oops): report finding, prefixes, facts,
// frames with reliability and stack context, registers, modules, taint, architectures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { readCorpus, listCorpus } from '../../testing/corpus.js';
import { analyze } from '../../analyze.js';
import { readKernelLog } from './reader.js';
import { linuxKernelLogReader } from './reader.js';
import type { KernelLogDetails } from './to-crash-report.js';

/**
 * syzkaller's test files start with its answer lines (TITLE:, TYPE:...) before a blank line and
 * may end with a `REPORT:` section; the log is what lies between.
 */
function syzkallerLog(bytes: Uint8Array): { title?: string; log: Uint8Array } {
  const text = new TextDecoder().decode(bytes);
  const title = /^TITLE: (.*)$/m.exec(text)?.[1];
  let log = text.slice(text.indexOf('\n\n') + 2);
  const cut = log.indexOf('\nREPORT:\n');
  if (cut !== -1) log = log.slice(0, cut);
  return { title, log: new TextEncoder().encode(log) };
}

function read(...path: string[]) {
  let bytes = readCorpus(...path);
  if (path.includes('syzkaller')) bytes = syzkallerLog(bytes).log;
  const report = readKernelLog(new BufferSource(bytes));
  const details = report.details['linux-kernel-log'] as KernelLogDetails;
  return { report, details, reports: details.reports };
}

test('every corpus log is sniffed as a kernel log and yields at least one report', () => {
  const files = listCorpus('oops', (n) => !n.endsWith('.right'));
  for (const f of files) {
    const bytes = readCorpus(f);
    assert.ok(linuxKernelLogReader.sniff(bytes.subarray(0, 64 * 1024)), `${f} not sniffed`);
    const report = analyze(new BufferSource(bytes));
    assert.equal(report.kind, 'linux-kernel-log', f);
    const d = report.details['linux-kernel-log'] as KernelLogDetails;
    assert.ok(d.reports.length >= 1, `${f}: no report`);
    assert.equal(report.threads.length, d.reports.length, f);
  }
});

test('binary minidumps and kernel dumps are not claimed', () => {
  for (const f of listCorpus('minidump', (n) => n.endsWith('.dmp')).slice(0, 20)) {
    assert.equal(linuxKernelLogReader.sniff(readCorpus(f).subarray(0, 64 * 1024)), false, f);
  }
  for (const f of listCorpus('kernel-dump', (n) => n.endsWith('.dmp'))) {
    assert.equal(linuxKernelLogReader.sniff(readCorpus(f).subarray(0, 64 * 1024)), false, f);
  }
});

test('x86_64 NULL dereference: facts, faulting instruction, registers, unreliable frames', () => {
  const { report, reports } = read('oops', 'syzkaller', 'report_174.txt');
  const r = reports[0];
  assert.equal(r.kind, 'null-pointer-dereference');
  assert.equal(r.cpu, 0);
  assert.equal(r.pid, 25068);
  assert.equal(r.comm, 'syz-executor5');
  assert.equal(r.kernelVersion, '4.15.0-rc3-next-20171214+');
  assert.equal(r.taint, '');
  assert.equal(r.hardware, 'Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011');
  assert.equal(r.faultAddress, 0x10n);
  assert.equal(r.oopsNumber, 1);
  assert.equal(r.arch, 'amd64');
  assert.equal(r.faulting?.function, 'strlen');
  assert.equal(r.faulting?.length, 0x30n);
  // Kernel registers, not the user-mode block printed after `RIP: 0033:`.
  assert.equal(r.registers.RDI, 0x10n);
  assert.equal(r.registers.CR2, 0x10n);
  assert.equal(r.frames[0].function, 'rtnl_fill_ifinfo');
  assert.equal(r.frames[0].reliable, false);
  assert.equal(r.frames[1].function, 'rtnl_dump_ifinfo');
  assert.equal(r.frames[1].reliable, true);
  // The syz-executor program lines interleaved with the report are noise, not report lines.
  assert.ok(r.noiseLines >= 6);
  assert.equal(r.ended, true);
  // The "Kernel panic - not syncing: Fatal exception" is its own report, caused by the first.
  assert.equal(reports[1].kind, 'panic');
  assert.equal(reports[1].consequenceOf, 0);
  // Common model: thread 0 is the primary report, frame trust mirrors reliability.
  assert.equal(report.crashingThread, 0);
  const frames = report.threads[0].frames;
  assert.equal(frames[0].trust, 'context');
  assert.equal(frames[0].function, 'strlen');
  assert.equal(frames[1].trust, 'unreliable');
  assert.equal(frames[2].trust, 'prewalked');
  assert.equal(report.process?.pid, 25068);
  assert.equal(report.system.os.version, '4.15.0-rc3-next-20171214+');
});

test('stack context: frames inside <IRQ> ... </IRQ> carry it', () => {
  const { report, reports } = read('oops', 'syzkaller', 'report_65.txt');
  const panic = reports[1];
  const irq = panic.frames.filter((f) => f.stackContext === 'IRQ').map((f) => f.function);
  assert.deepEqual(irq, ['dump_stack', 'panic', 'watchdog_timer_fn', '__hrtimer_run_queues', 'hrtimer_interrupt', 'smp_apic_timer_interrupt', 'apic_timer_interrupt']);
  assert.equal(panic.frames.find((f) => f.function === 'kthread')?.stackContext, undefined);
  assert.ok(report.threads[1].frames.some((f) => f.stackContext === 'IRQ'));
  assert.equal(panic.taint, 'GL');
  assert.deepEqual(panic.taintFlags.map((t) => t.letter), ['G', 'L']);
  assert.match(panic.taintFlags[1].meaning, /soft lockup/);
});

test('syslog prefixes are stripped, other programs are ignored, several reports are all found', () => {
  const { reports } = read('oops', 'abrt', 'oops3.test.template');
  assert.equal(reports.length, 3);
  assert.deepEqual(reports.map((r) => r.pid), [1473, 1525, 1503]);
  const r = reports[0];
  assert.equal(r.faulting?.function, 'radeon_read_ring_rptr');
  assert.equal(r.faulting?.module, 'radeon');
  assert.equal(r.lastUnloaded, 'microcode');
  assert.equal(r.frames[0].function, 'radeon_get_ring_head');
  assert.equal(r.frames[0].module, 'radeon');
});

test('i386: EIP lines, old `IP: [<..>] :module:func` form, all-unreliable trace', () => {
  const { reports } = read('oops', 'abrt', 'oops_no_reliable_frame.test.template');
  const r = reports[0];
  assert.equal(r.arch, 'x86');
  assert.equal(r.kernelVersion, '2.6.27.9-159.fc10.i686');
  assert.equal(r.faulting?.function, 'radeon_cp_init_ring_buffer');
  assert.equal(r.faulting?.module, 'radeon');
  assert.equal(r.registers.EBX, 0xf78b4000n);
  assert.equal(r.frames.length, 8);
  assert.ok(r.frames.every((f) => !f.reliable));
});

test('arm64: pc/lr/x registers, Internal error joins the Unable to handle report, other tasks are noise', () => {
  const { reports } = read('oops', 'syzkaller', 'report_536.txt');
  assert.equal(reports.length, 1);
  const r = reports[0];
  assert.equal(r.arch, 'arm64');
  assert.equal(r.context, 'T6604');
  assert.equal(r.faultAddress, 0xdfffa00000000003n);
  assert.equal(r.errorCode, '96000004');
  assert.ok(r.extraHeaders.some((h) => h.startsWith('Internal error: Oops')));
  assert.equal(r.faulting?.register, 'pc');
  assert.equal(r.registers.x29, 0xffff000049b6fa10n);
  assert.equal(r.registers.sp, 0xffff000049b6fa10n);
  assert.equal(r.noiseLines, 7);
  assert.equal(r.frames.length, 8);
});

test('arm: `(func) from [<addr>] (caller)` backtrace', () => {
  const { reports } = read('oops', 'satyr', 'arm-hung-task-oops.txt');
  const r = reports[0];
  assert.equal(r.arch, 'arm');
  assert.deepEqual(r.frames.map((f) => f.function), ['dump_backtrace_log_lvl', 'show_stack', 'dump_stack', 'panic', 'watchdog', 'kthread']);
  assert.equal(r.frames[0].fromFunction, 'show_stack');
});

test('ppc64: `[sp] [pc] .func+off/len (unreliable)` frames', () => {
  const { reports } = read('oops', 'abrt', 'oops8_ppc64.test');
  const r = reports[0];
  assert.equal(r.arch, 'ppc64');
  assert.ok(r.frames.length > 5);
  assert.ok(r.frames.some((f) => !f.reliable), 'the (unreliable) frame');
  assert.ok(r.frames.every((f) => !f.function?.startsWith('.')), 'leading dots stripped');
});

test('s390x: Krnl PSW faulting instruction, module markers (OF+)', () => {
  const { report, reports } = read('oops', 'satyr', 'rhbz-1040900-s390x-1.txt');
  const r = reports[0];
  assert.equal(r.arch, 's390x');
  assert.equal(r.faulting?.register, 'PSW');
  assert.equal(r.faulting?.function, 'will_oops_init');
  assert.equal(r.faulting?.module, 'will_oops');
  assert.deepEqual(r.modules[0], { name: 'will_oops', markers: ['O', 'F', '+'] });
  assert.equal(r.registers.r15, 0x59e1fc68n);
  assert.deepEqual(report.modules.find((m) => m.codeFile === 'will_oops')?.flags, ['out-of-tree', 'force-loaded', 'loading']);
});

test('module markers (PO) become flags on the common model', () => {
  const { report } = read('oops', 'satyr', 'rhbz-865695-2.txt');
  const wl = report.modules.find((m) => m.codeFile === 'wl');
  assert.deepEqual(wl?.flags, ['proprietary', 'out-of-tree']);
  assert.equal(report.modules[0].codeFile, 'vmlinux');
  const frame = report.threads[0].frames[0];
  assert.equal(report.modules[frame.module ?? -1].codeFile, 'wl');
});
