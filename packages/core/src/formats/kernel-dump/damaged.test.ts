// Damaged kernel dumps: truncated files, lying counts and offsets, random byte flips. Each must give
// a typed CulpritParseError or a report (with warnings), never another exception or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { CulpritParseError } from '../../io/errors.js';
import { analyze } from '../../analyze.js';
import type { CrashReport } from '../../report/model.js';
import { readCorpus } from '../../testing/corpus.js';
import { writeTriageDump } from '../../testing/kernel-dump-writer/triage-writer.js';
import { machine } from '../../testing/kernel-dump-writer/scenarios.js';

function outcome(bytes: Uint8Array): CrashReport | CulpritParseError {
  try {
    return analyze(new BufferSource(bytes));
  } catch (err) {
    if (err instanceof CulpritParseError) return err;
    throw err;
  }
}

function sample(is64: boolean): Uint8Array {
  const m = machine(is64);
  return writeTriageDump({
    arch: is64 ? 'amd64' : 'x86',
    bugCheck: 0xd1,
    params: [0x10n, 2n, 0n, m.at('ctaud2k.sys', 0x1234)],
    drivers: m.drivers,
    unloaded: [{ name: 'old.sys', start: 0x1000n, end: 0x2000n }],
    stack: { base: m.stackBase, values: [m.at('ntoskrnl.exe', 4), m.at('ctaud2k.sys', 8)] },
    blocks: [{ address: m.dataBase, bytes: new Uint8Array(64) }],
  });
}

const u32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

test('truncated dumps: typed error before the bug check, partial report after it', () => {
  for (const bytes of [sample(true), sample(false), readCorpus('kernel-dump', 'rizin', 'triage_x64.dmp')]) {
    for (const len of [0, 4, 8, 0x30, 0x60, 0x400, 0x1000, 0x1040, 0x2000, 0x2050, 0x2100, bytes.length >> 1, bytes.length - 1]) {
      const r = outcome(bytes.subarray(0, Math.min(len, bytes.length)));
      if (r instanceof CulpritParseError) {
        assert.ok(len < 0x60, `only a file without a bug check may be rejected (length ${len}): ${r.message}`);
      } else {
        assert.ok(r.crash?.code !== undefined);
        // A real dump may carry secondary data past SizeOfDump that the reader does not need.
        const sizeOfDump = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes[4] === 0x44 && bytes[5] === 0x55 && bytes[6] === 0x36 ? 0x2004 : 0x1004, true);
        if (len < sizeOfDump) assert.ok(r.warnings.length > 0, `length ${len}: a truncated file must say so`);
      }
    }
  }
});

test('lying counts and offsets become warnings, the bug check survives', () => {
  for (const is64 of [true, false]) {
    const t = is64 ? 0x2000 : 0x1000;
    const lies: [string, number, number][] = [
      ['driver count', t + 13 * 4, 0xffffffff],
      ['driver count just past the file', t + 13 * 4, 5000],
      ['driver list offset', t + 12 * 4, 0x7ffffff0],
      ['unloaded offset', t + 6 * 4, 0xfffffff0],
      ['call stack size', t + 11 * 4, 0x7fffffff],
      ['call stack offset', t + 10 * 4, 0xfffffff0],
      ['data block count', t + (is64 ? 0x7c : 0x64), 0x7fffffff],
      ['data block offset', t + (is64 ? 0x78 : 0x60), 0xfffffff0],
      ['process offset', t + 8 * 4, 0xfffffff0],
      ['valid offset', t + 2 * 4, 0xfffffff0],
    ];
    for (const [what, at, value] of lies) {
      const bytes = sample(is64);
      u32(bytes, at, value);
      const r = outcome(bytes);
      assert.ok(!(r instanceof CulpritParseError), `${what}: ${r instanceof Error ? r.message : ''}`);
      assert.equal(r.crash?.code, 0xd1, what);
      assert.ok(r.warnings.length > 0, `${what}: expected a warning`);
    }
    // A driver name offset pointing at a huge string count.
    const bytes = sample(is64);
    const driverList = new DataView(bytes.buffer).getUint32(t + 12 * 4, true);
    const nameAt = new DataView(bytes.buffer).getUint32(driverList, true);
    u32(bytes, nameAt, 0x40000000);
    const r = outcome(bytes);
    assert.ok(!(r instanceof CulpritParseError) && r.warnings.some((w) => w.code === 'CULPRIT_ERR_LIMIT'));
  }
});

test('a full dump whose run list lies is reported, not thrown', () => {
  const bytes = sample(true);
  u32(bytes, 0xf98, 1); // DumpType: complete memory dump
  u32(bytes, 0x88, 0xffff); // NumberOfRuns
  const r = outcome(bytes);
  assert.ok(!(r instanceof CulpritParseError));
  assert.ok(r.warnings.some((w) => w.part === 'PHYSICAL_MEMORY_DESCRIPTOR'));
});

test('random byte flips never escape as untyped errors', () => {
  let seed = 0x2545f491;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const bases = [sample(true), sample(false)];
  for (let i = 0; i < 300; i++) {
    const bytes = bases[i % 2]!.slice();
    const flips = 1 + Math.floor(next() * 8);
    for (let f = 0; f < flips; f++) {
      // Mostly the header and the triage directory, where offsets and counts live.
      const at = next() < 0.7 ? Math.floor(next() * 0x2100) : Math.floor(next() * bytes.length);
      bytes[Math.min(at, bytes.length - 1)] = Math.floor(next() * 256);
    }
    outcome(bytes); // throws (failing the test) only on an untyped error
  }
});

test('not a kernel dump: not sniffed', () => {
  const r = outcome(new TextEncoder().encode('PAGEDUXX and more text'));
  assert.ok(r instanceof CulpritParseError && r.code === 'CULPRIT_ERR_UNKNOWN_FORMAT');
});
