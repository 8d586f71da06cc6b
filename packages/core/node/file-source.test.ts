// A multi-gigabyte full-memory dump is never loaded whole: reading it through FileSource touches
// the same few bytes whatever the size of the memory it describes.
import { test } from 'node:test';
import { CountingSource } from '../src/testing/counting-source.js';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '@culprit/core';
import { FileSource } from './file-source.js';
import { writeTestMinidump } from '../src/testing/minidump-writer.js';

/** A dump whose Memory64List claims `memoryBytes` of memory stored from 1 MiB on, as a sparse file. */
function sparseDump(dir: string, memoryBytes: number): string {
  const m64 = new Uint8Array(32);
  const dv = new DataView(m64.buffer);
  dv.setBigUint64(0, 1n, true);
  dv.setBigUint64(8, 1n << 20n, true);
  dv.setBigUint64(16, 0x10000000n, true);
  dv.setBigUint64(24, BigInt(memoryBytes), true);
  const bytes = writeTestMinidump({ threads: [], modules: [], extra: [{ type: 9, bytes: m64 }] });
  const path = join(dir, `full-${memoryBytes}.dmp`);
  const fd = openSync(path, 'w');
  writeSync(fd, bytes);
  ftruncateSync(fd, (1 << 20) + memoryBytes);
  closeSync(fd);
  return path;
}

test('bytes read do not grow with the size of a full-memory dump', () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-sparse-'));
  try {
    const read: number[] = [];
    for (const size of [64 * 2 ** 20, 8 * 2 ** 30]) {
      const file = new FileSource(sparseDump(dir, size));
      const counting = new CountingSource(file);
      const report = analyze(counting);
      file.close();
      assert.equal(report.kind, 'minidump');
      assert.ok(!report.warnings.some((w) => w.part === 'Memory64ListStream'), JSON.stringify(report.warnings));
      read.push(counting.bytesRead);
    }
    assert.equal(read[0], read[1], `an 8 GiB dump read ${read[1]} bytes, a 64 MiB one ${read[0]}`);
    assert.ok(read[1] < 256 * 1024, `read ${read[1]} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a window reads a dump kept inside a larger file exactly as the dump alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-window-'));
  try {
    const dump = writeTestMinidump({ threads: [], modules: [] });
    const path = join(dir, 'segment');
    const fd = openSync(path, 'w');
    writeSync(fd, new Uint8Array(70_000).fill(0x4d)); // a block and more of other bytes before it
    writeSync(fd, dump);
    writeSync(fd, new Uint8Array(1000).fill(0xee)); // and after it
    closeSync(fd);
    const inner = new FileSource(path, { offset: 70_000, length: dump.length });
    assert.equal(inner.size, dump.length);
    assert.deepEqual(inner.read(0, dump.length), dump);
    assert.deepEqual(inner.read(dump.length - 8, 100), dump.subarray(dump.length - 8)); // never past the window
    assert.equal(analyze(inner).kind, 'minidump');
    inner.close();
    const clipped = new FileSource(path, { offset: 70_000 + dump.length + 900, length: 5000 });
    assert.equal(clipped.size, 100); // a window past the file's end is cut at the end
    clipped.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
