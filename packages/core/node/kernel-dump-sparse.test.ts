// "A 40 GB MEMORY.DMP is never loaded whole": a generated complete dump whose header describes
// tens of GiB of RAM, stored as a sparse file, read through FileSource. The bytes read must not
// grow with the memory the dump describes (run list), or grow only by the page bitmap (bitmap).
import { test } from 'node:test';
import { CountingSource } from '../src/testing/counting-source.js';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '@culprit/core';
import { FileSource } from './file-source.js';
import { writeFullDump, type FullSpec } from '../src/testing/kernel-dump-writer/full-writer.js';
import { machine } from '../src/testing/kernel-dump-writer/scenarios.js';

const GiB = 2 ** 30;
const PAGE = 4096;

/** A complete dump describing `extraBytes` more RAM than it writes, extended to its full size as a sparse file. */
function sparseDump(dir: string, layout: FullSpec['layout'], extraBytes: number): { path: string; size: number } {
  const m = machine(true);
  const bytes = writeFullDump({
    paging: 'x64',
    layout,
    bugCheck: 0x3b,
    params: [0xc0000005n, m.at('ntoskrnl.exe', 0x1000), 0n, 0n],
    drivers: m.drivers,
    context: { ip: m.at('ntoskrnl.exe', 0x1000), sp: m.stackBase + 0x800n },
    stackValues: [m.at('ntoskrnl.exe', 0x2000), m.at('ctaud2k.sys', 0x3456)],
    listHead: m.dataBase,
    unbackedPages: extraBytes / PAGE,
  });
  const path = join(dir, `${layout}-${extraBytes}.dmp`);
  const size = bytes.length + extraBytes;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, bytes);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return { path, size };
}

function bytesRead(dir: string, layout: FullSpec['layout'], extraBytes: number): number {
  const { path, size } = sparseDump(dir, layout, extraBytes);
  const file = new FileSource(path);
  try {
    assert.equal(file.size, size);
    const counting = new CountingSource(file);
    const r = analyze(counting);
    // The dump is whole and understood: no warning, the module list walked, the driver named.
    assert.deepEqual(r.warnings, []);
    assert.equal(r.modules.length, machine(true).drivers.length);
    assert.equal(r.culprit?.name, 'ctaud2k.sys');
    const d = r.details['windows-kernel-dump'] as { physicalMemory?: { pages: number } };
    assert.ok((d.physicalMemory?.pages ?? 0) > extraBytes / PAGE, 'the header describes all of the RAM');
    return counting.bytesRead;
  } finally {
    file.close();
  }
}

test('a 40 GiB complete dump (run list) reads the same bytes as a 1 GiB one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-kdump-'));
  try {
    const small = bytesRead(dir, 'runs', 1 * GiB);
    const large = bytesRead(dir, 'runs', 40 * GiB);
    assert.equal(large, small, `40 GiB: ${large} bytes read, 1 GiB: ${small}`);
    assert.ok(large < 512 * 1024, `read ${large} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 40 GiB bitmap dump reads its page bitmap and the pages it needs, nothing more', () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-kdump-'));
  try {
    const small = bytesRead(dir, 'bitmap', 1 * GiB);
    const large = bytesRead(dir, 'bitmap', 40 * GiB);
    // One bit per 4 KiB page: 39 GiB more RAM is 39 GiB / 4 KiB / 8 bytes more bitmap.
    const bitmapGrowth = (39 * GiB) / PAGE / 8;
    assert.ok(large - small <= bitmapGrowth, `40 GiB: ${large} bytes read, 1 GiB: ${small}`);
    assert.ok(large < 2 * 1024 * 1024, `read ${large} bytes of a ${40 * GiB}-byte file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
