// The two public kernel dumps (../shared/corpus/kernel-dump/rizin, see the corpus README for their
// known answers): a Windows 10 x64 triage dump with bug check 0x1000007E in amdppm.sys, and a
// Windows 11 ARM64 triage dump of bug check 0x1C8 (power button held: nobody to blame).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus } from '../../testing/corpus.js';
import { BufferSource } from '../../io/byte-source.js';
import { analyze } from '../../analyze.js';
import { parseKernelDump } from './parse.js';
import type { KernelDumpDetails } from './report.js';

const x64 = () => readCorpus('kernel-dump', 'rizin', 'triage_x64.dmp');
const arm64 = () => readCorpus('kernel-dump', 'rizin', 'triage_arm64.dmp');

test('x64 triage dump: header, bug check and system', () => {
  const r = analyze(new BufferSource(x64()));
  assert.equal(r.kind, 'windows-kernel-dump');
  assert.equal(r.format, 'PAGEDU64');
  assert.equal(r.crash?.code, 0x1000007e);
  assert.match(r.crash!.reason, /^SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M/);
  assert.equal(r.crash?.parameters?.[0], 0xffffffffc0000005n);
  assert.equal(r.system.cpu.arch, 'amd64');
  assert.equal(r.system.os.build, '19041');
  assert.equal(r.system.os.version, '10.0.19041');
  assert.ok((r.system.cpu.count ?? 0) > 0);
  const d = r.details['windows-kernel-dump'] as KernelDumpDetails;
  assert.equal(d.dumpType, 4);
  assert.deepEqual(r.warnings, []);
});

test('x64 triage dump: driver list, unloaded drivers, process, stack', () => {
  const dump = parseKernelDump(new BufferSource(x64()));
  assert.ok(dump.drivers.length > 100, `drivers: ${dump.drivers.length}`);
  assert.equal(dump.drivers[0]!.name.toLowerCase(), 'ntoskrnl.exe');
  assert.equal(dump.kdDebuggerData?.kernBase, dump.drivers[0]!.base, 'KDBG KernBase is the base of the first driver');
  const amdppm = dump.drivers.find((m) => m.name === 'amdppm.sys');
  assert.ok(amdppm && amdppm.size > 0);
  assert.ok(dump.unloadedDrivers.length > 0);
  assert.ok(dump.unloadedDrivers.every((u) => u.end > u.start));
  assert.equal(dump.processName, 'System');
  assert.ok(dump.stack && dump.stack.bytes.byteLength > 0x1000);
  // The exception and context records the bug check points at were found in captured memory.
  assert.equal(dump.faultException?.record.code, 0xc0000005);
  assert.equal(dump.faultException?.record.address, dump.header.bugCheckParameters[1]);
  assert.equal(dump.faultContext?.context.registers.rip, dump.header.bugCheckParameters[1]);
});

test('x64 triage dump: blames amdppm.sys, an inbox driver, with the steps shown', () => {
  const r = analyze(new BufferSource(x64()));
  assert.equal(r.culprit?.name, 'amdppm.sys');
  assert.equal(r.culprit?.thirdParty, false);
  assert.equal(r.culprit?.confidence, 'high');
  assert.ok(r.culprit!.steps.length >= 3);
  assert.ok(r.culprit!.steps.some((s) => /Parameter 2 is a code address.*amdppm\.sys\+0x/.test(s)));
  assert.match(r.signature!, /^0x7E_amdppm\.sys\+0x[0-9a-f]+$/);
  const frames = r.threads[0]!.frames;
  assert.equal(frames[0]!.trust, 'context');
  assert.equal(r.modules[frames[0]!.module!]!.codeFile.split('\\').pop(), 'amdppm.sys');
});

test('ARM64 triage dump: power button held, nothing to blame', () => {
  const r = analyze(new BufferSource(arm64()));
  assert.equal(r.system.cpu.arch, 'arm64');
  assert.equal(r.crash?.code, 0x1c8);
  assert.match(r.crash!.reason, /MANUALLY_INITIATED_POWER_BUTTON_HOLD/);
  assert.equal(r.culprit?.confidence, 'none');
  assert.match(r.culprit!.summary, /Nothing to blame/);
  assert.ok(r.modules.length > 100);
  assert.ok(r.threads[0]!.context?.registers.pc !== undefined);
  assert.equal(r.signature, '0x1C8_MANUALLY_INITIATED_POWER_BUTTON_HOLD');
});
