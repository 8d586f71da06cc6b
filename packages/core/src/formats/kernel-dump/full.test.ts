// Complete and bitmap memory dumps made by the test-only writer: physical runs or bitmap (64-bit
// and both 32-bit bitmap header layouts), page-table translation (x64 4-level, x86 PAE, ARM64 4 KB
// granule), PsLoadedModuleList walked through it, and the faulting stack read at the context's
// stack pointer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { analyze } from '../../analyze.js';
import { writeFullDump, type FullSpec } from '../../testing/kernel-dump-writer/full-writer.js';
import { machine } from '../../testing/kernel-dump-writer/scenarios.js';
import type { KernelDumpDetails } from './report.js';

const cases: [string, FullSpec['paging'], FullSpec['layout'], { signature: string; layout: string } | null][] = [
  ['x64 complete dump (runs)', 'x64', 'runs', null],
  ['x64 bitmap dump (SDMP)', 'x64', 'bitmap', { signature: 'SDMP', layout: 'DUMP_BITMAP' }],
  ['x86 PAE complete dump (runs)', 'pae', 'runs', null],
  ['x86 PAE bitmap dump (FDMP, Windows 8+ layout)', 'pae', 'bitmap', { signature: 'FDMP', layout: 'DUMP_BITMAP' }],
  ['x86 PAE summary dump (SDMP, _SUMMARY_DUMP32)', 'pae', 'summary32', { signature: 'SDMP', layout: 'SUMMARY_DUMP32' }],
  ['ARM64 complete dump (runs)', 'arm64', 'runs', null],
  ['ARM64 bitmap dump (SDMP)', 'arm64', 'bitmap', { signature: 'SDMP', layout: 'DUMP_BITMAP' }],
];

for (const [name, paging, layout, bitmap] of cases) {
  test(`${name}: modules from PsLoadedModuleList, culprit from the stack`, () => {
    const m = machine(paging !== 'pae');
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
    assert.equal(r.format, paging === 'pae' ? 'PAGEDUMP' : 'PAGEDU64');
    assert.equal(r.system.cpu.arch, paging === 'pae' ? 'x86' : paging === 'arm64' ? 'arm64' : 'amd64');
    const d = r.details['windows-kernel-dump'] as KernelDumpDetails;
    assert.equal(d.physicalMemory?.kind, bitmap ? 'bitmap' : 'runs');
    assert.equal(d.physicalMemory?.bitmapSignature, bitmap?.signature);
    assert.equal(d.physicalMemory?.bitmapLayout, bitmap?.layout);
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

test('a 32-bit bitmap header that fits neither layout: a warning, the header facts remain', () => {
  const m = machine(false);
  const bytes = writeFullDump({
    paging: 'pae',
    layout: 'summary32',
    bugCheck: 0xd1,
    params: [0n, 2n, 0n, m.at('nvlddmkm.sys', 0x10)],
    drivers: m.drivers,
    context: { ip: 0n, sp: m.stackBase },
    stackValues: [],
    listHead: m.dataBase,
  });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  dv.setUint32(0x1018, dv.getUint32(0x1010, true) + 1, true); // RTL_BITMAP.SizeOfBitMap no longer repeats BitmapSize
  const r = analyze(new BufferSource(bytes));
  assert.ok(r.warnings.some((w) => w.part === 'BITMAP_DUMP' && /neither/.test(w.message)), JSON.stringify(r.warnings));
  assert.equal(r.modules.length, 0);
  assert.equal(r.crash?.code, 0xd1);
  assert.equal(r.system.cpu.arch, 'x86');
});
