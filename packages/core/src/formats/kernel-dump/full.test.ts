// Complete and bitmap memory dumps made by the test-only writer: physical runs or bitmap,
// page-table translation (x64 4-level, x86 PAE), PsLoadedModuleList walked through it, and the
// faulting stack read at the context's stack pointer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { analyze } from '../../analyze.js';
import { writeFullDump, type FullSpec } from '../../testing/kernel-dump-writer/full-writer.js';
import { machine } from '../../testing/kernel-dump-writer/scenarios.js';
import type { KernelDumpDetails } from './report.js';

const cases: [string, FullSpec['paging'], FullSpec['layout']][] = [
  ['x64 complete dump (runs)', 'x64', 'runs'],
  ['x64 bitmap dump (SDMP)', 'x64', 'bitmap'],
  ['x86 PAE complete dump (runs)', 'pae', 'runs'],
];

for (const [name, paging, layout] of cases) {
  test(`${name}: modules from PsLoadedModuleList, culprit from the stack`, () => {
    const m = machine(paging === 'x64');
    const bytes = writeFullDump({
      paging,
      layout,
      bugCheck: 0x3b,
      params: [0xc0000005n, m.at('ntoskrnl.exe', 0x1000), 0n, 0n],
      drivers: m.drivers,
      context: { ip: m.at('ntoskrnl.exe', 0x1000), sp: m.stackBase + 0x800n },
      stackValues: [m.at('ntoskrnl.exe', 0x2000), 0x42n, m.at('ctaud2k.sys', 0x3456)],
      listHead: m.dataBase,
    });
    const r = analyze(new BufferSource(bytes));
    assert.deepEqual(r.warnings, []);
    assert.equal(r.format, paging === 'x64' ? 'PAGEDU64' : 'PAGEDUMP');
    const d = r.details['windows-kernel-dump'] as KernelDumpDetails;
    assert.equal(d.physicalMemory?.kind, layout);
    assert.equal(d.physicalMemory?.runs, 2);
    assert.equal(d.physicalMemory?.pagingMode, paging);
    assert.equal(d.physicalMemory?.moduleListComplete, true);
    assert.deepEqual(r.modules.map((x) => x.codeFile), m.drivers.map((x) => x.path));
    assert.deepEqual(r.modules.map((x) => x.timestamp), m.drivers.map((x) => x.timestamp));
    assert.equal(r.culprit?.name, 'ctaud2k.sys');
    assert.equal(r.culprit?.confidence, 'medium');
    assert.equal(r.signature, '0x3B_ctaud2k.sys+0x3456');
  });
}

test('a complete dump cut short: the module walk stops with a warning', () => {
  const m = machine(true);
  const bytes = writeFullDump({
    paging: 'x64',
    layout: 'runs',
    bugCheck: 0xd1,
    params: [0n, 2n, 0n, m.at('nvlddmkm.sys', 0x10)],
    drivers: m.drivers,
    context: { ip: 0n, sp: m.stackBase },
    stackValues: [],
    listHead: m.dataBase,
  });
  const r = analyze(new BufferSource(bytes.subarray(0, bytes.length - 0x3000)));
  assert.equal(r.culprit?.name, 'nvlddmkm.sys', 'the bug check parameter still names the driver when the module list is partial');
  assert.ok(r.warnings.length > 0);
});
