// Dumps made by the test-only writer (testing/kernel-dump-writer, which shares no code with this
// reader): 32-bit and 64-bit, the common bug checks, third-party and inbox drivers at fault, and a
// fault inside ntoskrnl reached from a third-party driver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { analyze } from '../../analyze.js';
import { writeTriageDump, type TriageSpec } from '../../testing/kernel-dump-writer/triage-writer.js';
import { contextBytes, exceptionBytes } from '../../testing/kernel-dump-writer/records.js';
import { machine, type Machine } from '../../testing/kernel-dump-writer/scenarios.js';

function dump(m: Machine, spec: Partial<TriageSpec> & Pick<TriageSpec, 'bugCheck' | 'params'>) {
  const bytes = writeTriageDump({
    arch: m.is64 ? 'amd64' : 'x86',
    drivers: m.drivers,
    stack: { base: m.stackBase, values: [] },
    processName: 'audiodg.exe',
    ...spec,
  });
  return analyze(new BufferSource(bytes));
}

for (const is64 of [true, false]) {
  const bits = is64 ? '64-bit' : '32-bit';
  const m = machine(is64);

  test(`${bits} 0xD1: the code address parameter names a third-party driver`, () => {
    const r = dump(m, { bugCheck: 0xd1, params: [0x10n, 2n, 0n, m.at('ctaud2k.sys', 0x1234)], unloaded: [{ name: 'old.sys', start: 0x1000n, end: 0x2000n }] });
    assert.equal(r.format, is64 ? 'PAGEDU64' : 'PAGEDUMP');
    assert.equal(r.system.cpu.arch, is64 ? 'amd64' : 'x86');
    assert.equal(r.culprit?.name, 'ctaud2k.sys');
    assert.equal(r.culprit?.vendor, 'Creative');
    assert.equal(r.culprit?.thirdParty, true);
    assert.equal(r.culprit?.confidence, 'high');
    assert.equal(r.signature, '0xD1_ctaud2k.sys+0x1234');
    assert.match(r.culprit!.summary, /ctaud2k\.sys \(Creative.*update from Creative may exist/);
    assert.equal(r.process?.name, 'audiodg.exe');
    assert.equal(r.modules.length, m.drivers.length);
    assert.equal(r.unloadedModules[0]?.codeFile, 'old.sys');
    assert.deepEqual(r.warnings, []);
  });

  test(`${bits} 0x50: the referencing address is in nvlddmkm.sys`, () => {
    const r = dump(m, { bugCheck: 0x50, params: [0xdead0000n, 2n, m.at('nvlddmkm.sys', 0x5000), 2n] });
    assert.equal(r.culprit?.name, 'nvlddmkm.sys');
    assert.equal(r.culprit?.vendor, 'NVIDIA');
    assert.equal(r.signature, '0x50_nvlddmkm.sys+0x5000');
  });

  test(`${bits} 0x1E: exception in a third-party driver`, () => {
    const r = dump(m, { bugCheck: 0x1e, params: [0xc0000005n, m.at('ctaud2k.sys', 0x40), 0n, 0x8n] });
    assert.equal(r.culprit?.name, 'ctaud2k.sys');
    assert.equal(r.crash?.address, m.at('ctaud2k.sys', 0x40));
  });

  test(`${bits} 0x7E: exception and context records read from captured memory, inbox driver`, () => {
    const exc = m.dataBase;
    const ctx = m.dataBase + 0x200n;
    const ip = m.at('tcpip.sys', 0x777);
    const r = dump(m, {
      bugCheck: 0x1000007e,
      params: [0xc0000005n, ip, exc, ctx],
      context: { ip: m.at('ntoskrnl.exe', 0x100), sp: m.stackBase },
      blocks: [
        { address: exc, bytes: exceptionBytes(is64, 0xc0000005, ip, [0n, 0x18n]) },
        { address: ctx, bytes: contextBytes(is64 ? 'amd64' : 'x86', ip, m.stackBase + 0x40n) },
      ],
    });
    assert.equal(r.culprit?.name, 'tcpip.sys');
    assert.equal(r.culprit?.thirdParty, false);
    assert.equal(r.signature, '0x7E_tcpip.sys+0x777');
    assert.ok(r.culprit!.steps.some((s) => /saved context \(parameter 4\).*tcpip\.sys\+0x777/.test(s)));
    assert.ok(r.culprit!.steps.some((s) => /0xC0000005 in the exception record \(parameter 3\)/.test(s)));
    assert.equal(r.threads[0]!.frames[0]!.instruction, ip);
  });

  test(`${bits} 0x3B: fault inside ntoskrnl called from a third-party driver`, () => {
    const ctx = m.dataBase + 0x1000n;
    const faultIp = m.at('ntoskrnl.exe', 0x2a0f0);
    const sp = m.stackBase + 0x100n;
    const r = dump(m, {
      bugCheck: 0x3b,
      params: [0xc0000005n, faultIp, ctx, 0n],
      stack: {
        base: m.stackBase,
        values: [
          ...new Array(0x20).fill(0n).map((_, i) => (i === 3 ? m.at('ctaud2k.sys', 0x99) : 0n)), // below SP: ignored
          m.at('ntoskrnl.exe', 0x30000),
          0x1234n,
          m.at('hal.dll', 0x500),
          m.at('ctaud2k.sys', 0x4321),
          m.at('tcpip.sys', 0x10),
        ],
      },
      blocks: [{ address: ctx, bytes: contextBytes(is64 ? 'amd64' : 'x86', faultIp, is64 ? sp : m.stackBase + 0x80n) }],
    });
    assert.equal(r.culprit?.name, 'ctaud2k.sys');
    assert.equal(r.culprit?.confidence, 'medium');
    assert.ok(r.culprit!.steps.some((s) => /fault is inside ntoskrnl\.exe.*reached from ctaud2k\.sys/.test(s)), r.culprit!.steps.join('\n'));
    assert.ok(r.culprit!.steps.some((s) => /skipped.*ntoskrnl\.exe/.test(s)));
    assert.equal(r.signature, '0x3B_ctaud2k.sys+0x4321');
  });

  test(`${bits} 0x9F and 0x133: no code address, the stack names the driver`, () => {
    for (const [code, params] of [
      [0x9f, [3n, 0x1000n, 0x2000n, 0x3000n]],
      [0x133, [0n, 0x501n, 0x500n, 0x4000n]],
    ] as const) {
      const r = dump(m, {
        bugCheck: code,
        params: [...params] as TriageSpec['params'],
        stack: { base: m.stackBase, values: [m.at('ntoskrnl.exe', 0x10), m.at('nvlddmkm.sys', 0x8888)] },
      });
      assert.equal(r.culprit?.name, 'nvlddmkm.sys', `bug check 0x${code.toString(16)}`);
      assert.equal(r.culprit?.confidence, 'low');
    }
  });

  test(`${bits} 0xC4: Driver Verifier, culprit from the stack; parameters are IRQLs`, () => {
    const r = dump(m, { bugCheck: 0xc4, params: [0x31n, 2n, 0n, 0n], stack: { base: m.stackBase, values: [m.at('Wdf01000.sys', 0x10), m.at('ctaud2k.sys', 0x22)] } });
    const d = r.details['windows-kernel-dump'] as { bugCheck: { parameters: { role: string }[] } };
    assert.deepEqual(d.bugCheck.parameters.map((p) => p.role), ['subtype', 'irql', 'irql', 'irql']);
    // Wdf01000.sys is an inbox driver, not a core image: it is the first driver on the stack.
    assert.equal(r.culprit?.name, 'Wdf01000.sys');
  });

  test(`${bits} 0xE2: manually initiated, nothing to blame`, () => {
    const r = dump(m, { bugCheck: 0xe2, params: [0n, 0n, 0n, 0n], stack: { base: m.stackBase, values: [m.at('ctaud2k.sys', 0x22)] } });
    assert.equal(r.culprit?.confidence, 'none');
    assert.equal(r.signature, '0xE2_MANUALLY_INITIATED_CRASH');
  });

  test(`${bits} a code address inside an unloaded driver`, () => {
    const start = m.dataBase + 0x100000n;
    const r = dump(m, { bugCheck: 0xd1, params: [0x10n, 2n, 0n, start + 0x40n], unloaded: [{ name: 'gone.sys', start, end: start + 0x8000n }] });
    assert.equal(r.culprit?.name, 'gone.sys');
    assert.match(r.signature!, /gone\.sys_unloaded/);
  });
}
