// Culprit attribution: faulting module first, then the first module of the reliable trace,
// then the core kernel function; taint informs but never blames; earlier oopses are flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { readCorpus } from '../../testing/corpus.js';
import { readKernelLog } from '../../formats/linux-oops/reader.js';
import type { KernelLogDetails } from '../../formats/linux-oops/to-crash-report.js';

const fromBytes = (b: Uint8Array) => readKernelLog(new BufferSource(b));
const fromText = (t: string) => fromBytes(new TextEncoder().encode(t));
const text = (...p: string[]) => new TextDecoder().decode(readCorpus(...p));

test('faulting instruction in a module: that module, high confidence, with its flags', () => {
  const report = fromBytes(readCorpus('oops', 'satyr', 'rhbz-865695-2.txt'));
  assert.equal(report.culprit?.name, 'wl');
  assert.equal(report.culprit?.confidence, 'high');
  assert.equal(report.culprit?.thirdParty, true);
  assert.match(report.culprit?.summary ?? '', /module wl \(proprietary, out-of-tree\)/);
  assert.ok(report.culprit?.steps.some((s) => /faulting instruction \(RIP\) wdev_priv\.part\.8\+0x4 is in module wl/.test(s)));
  assert.ok(report.culprit?.steps.some((s) => /Kernel is tainted: P .*; O /.test(s)));
});

test('faulting instruction in the core kernel: first module of the reliable trace', () => {
  const report = fromBytes(readCorpus('oops', 'abrt', 'oops-module-nouveau.test'));
  assert.equal(report.culprit?.name, 'nouveau');
  assert.equal(report.culprit?.confidence, 'medium');
  assert.equal(report.culprit?.thirdParty, false, 'nouveau is an in-tree module');
  assert.ok(report.culprit?.steps.some((s) => /WARNING was raised at __ioremap_caller\+0x2aa, in the core kernel/.test(s)));
  assert.ok(report.culprit?.steps.some((s) => /nouveau_barobj_ctor \[nouveau\]/.test(s)));
});

test("unreliable '? ' frames never make a module the culprit", () => {
  // rhbz-827868: `? pppol2tp_xmit [l2tp_ppp]` comes first, but only as an unreliable frame;
  // the culprit is still l2tp_ppp because a *reliable* frame of it follows.
  const report = fromBytes(readCorpus('oops', 'satyr', 'rhbz-827868.txt'));
  assert.equal(report.culprit?.name, 'l2tp_ppp');
  assert.ok(report.culprit?.steps.some((s) => /first reliable frame from a module is pppol2tp_xmit \[l2tp_ppp\] \(log line 20\)/.test(s)));
  // Remove the reliable module frames: the unreliable ones alone must not blame a module.
  const only = text('oops', 'satyr', 'rhbz-827868.txt')
    .split('\n')
    .filter((l) => !/\] (?:pppol2tp_xmit|ppp_push|ppp_xmit_process|ppp_start_xmit)\+/.test(l))
    .join('\n');
  const core = fromText(only);
  assert.equal(core.culprit?.name, '__alloc_pages_nodemask');
  assert.equal(core.culprit?.thirdParty, false);
  assert.ok(core.culprit?.steps.some((s) => /unreliable '\? ' frames are, and are ignored/.test(s)));
});

test('a loaded proprietary module is reported in the taint, not blamed', () => {
  const log = text('oops', 'abrt', 'oops-module-nouveau.test')
    .replace('Modules linked in:\n bnep', 'Modules linked in:\n nvidia(PO) bnep')
    .replace('Not tainted 3.19.5', 'Tainted: P           O 3.19.5');
  const report = fromText(log);
  assert.equal(report.culprit?.name, 'nouveau');
  const steps = report.culprit?.steps.join('\n') ?? '';
  assert.match(steps, /Kernel is tainted: P \(proprietary module was loaded\); O /);
  assert.match(steps, /Taint comes from: nvidia \(proprietary, out-of-tree\)/);
  assert.match(steps, /Taint alone assigns no blame: nvidia is loaded but the trace does not point there/);
});

test('a kernel that oopsed before (taint D, Oops [#17]) is flagged and trusted less', () => {
  const tainted = fromBytes(readCorpus('oops', 'satyr', 'rhbz-827868-modified.txt'));
  assert.equal(tainted.culprit?.name, 'l2tp_ppp');
  assert.equal(tainted.culprit?.confidence, 'low');
  assert.ok(tainted.culprit?.steps.some((s) => /already oopsed before this report \(taint D\)/.test(s)));

  const seventeenth = fromText(text('oops', 'abrt', 'oops3.test.template').replace('general protection fault: 0000 [#1] SMP', 'general protection fault: 0000 [#17] SMP'));
  const d = seventeenth.details['linux-kernel-log'] as KernelLogDetails;
  assert.equal(d.reports[0].oopsNumber, 17);
  assert.equal(d.reports[0].culprit.name, 'radeon');
  assert.equal(d.reports[0].culprit.confidence, 'medium', 'high lowered by one step');
  assert.ok(d.reports[0].culprit.steps.some((s) => /Oops #17/.test(s)));
});

test('no module anywhere: the core kernel function, helper frames skipped', () => {
  const report = fromText(new TextDecoder().decode(readCorpus('oops', 'syzkaller', 'report_148.txt')).split('\n\n').slice(1).join('\n\n'));
  assert.equal(report.culprit?.name, 'tipc_subscrb_subscrp_delete');
  assert.equal(report.culprit?.thirdParty, false);
});

test('every report of a log has its own culprit; a consequential panic points back', () => {
  const report = fromBytes(readCorpus('oops', 'abrt', 'oops-32bit-graphics.test'));
  const d = report.details['linux-kernel-log'] as KernelLogDetails;
  assert.equal(d.reports.length, 2);
  assert.equal(d.reports[0].culprit.name, 'radeon');
  assert.equal(d.reports[1].taint, 'GD');
  assert.ok(d.reports[1].culprit.steps.some((s) => /already oopsed/.test(s)));
  assert.ok(d.reports[1].culprit.steps.some((s) => /Report #1 of the log came earlier/.test(s)));
});
