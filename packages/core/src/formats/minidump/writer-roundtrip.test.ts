// Dumps written by the independent test writer (testing/minidump-writer.ts), little- and
// big-endian, read back: every field the writer put in must come out, in both byte orders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../analyze.js';
import { BufferSource } from '../../io/byte-source.js';
import { writeTestMinidump, type TestDump } from '../../testing/minidump-writer.js';
import type { MinidumpDetails } from './details.js';

function sample(): TestDump {
  const stack = new Uint8Array(256);
  new DataView(stack.buffer).setUint32(8, 0x00401234, true);
  return {
    threads: [
      { id: 0x111, eip: 0x00401000, esp: 0x0012f000, ebp: 0x0012f010, stack, stackStart: 0x0012f000n },
      { id: 0x222, eip: 0x7c901000, esp: 0x0022f000, ebp: 0x0022f010, stack: new Uint8Array(64), stackStart: 0x0022f000n },
    ],
    modules: [
      {
        base: 0x00400000n,
        size: 0x10000,
        name: 'C:\\app\\crashy.exe',
        version: [1, 2, 3, 4],
        pdb: { guid: [0x11223344, 0x5566, 0x7788, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])], age: 0x2a, file: 'c:\\build\\crashy.pdb' },
      },
      { base: 0x7c900000n, size: 0xb0000, name: 'C:\\Windows\\system32\\ntdll.dll', version: [10, 0, 19041, 1] },
    ],
    exception: { threadId: 0x222, code: 0xc0000005, address: 0x7c901000n, params: [1n, 0xdeadbeefn] },
    extra: [{ type: 0x12345678, bytes: new Uint8Array([1, 2, 3, 4]) }],
  };
}

for (const bigEndian of [false, true]) {
  test(`${bigEndian ? 'big' : 'little'}-endian dump reads back field for field`, () => {
    const bytes = writeTestMinidump(sample(), { bigEndian });
    const r = analyze(new BufferSource(bytes));
    assert.equal(r.format, bigEndian ? 'PMDM' : 'MDMP');
    assert.deepEqual(r.warnings, []);
    assert.equal(r.system.os.platform, 'Windows NT');
    assert.equal(r.system.os.version, '10.0.19045');
    assert.equal(r.system.cpu.arch, 'x86');
    assert.equal(r.system.cpu.description, 'GenuineIntel family 6 model 158 stepping 10');
    assert.equal(r.system.cpu.count, 8);
    assert.equal(r.crash?.reason, 'EXCEPTION_ACCESS_VIOLATION_WRITE');
    assert.equal(r.crash?.address, 0xdeadbeefn);
    assert.equal(r.crashingThread, 1);
    assert.deepEqual(r.threads.map((t) => t.id), [0x111, 0x222]);
    assert.equal(r.threads[1].frames[0].instruction, 0x7c901000n);
    assert.equal(r.threads[1].frames[0].module, 1);
    assert.equal(r.threads[1].frames[0].moduleOffset, 0x1000n);
    assert.equal(r.threads[0].context?.registers.esp, 0x0012f000n);
    const [app, ntdll] = r.modules;
    assert.equal(app.codeFile, 'C:\\app\\crashy.exe');
    assert.equal(app.version, '1.2.3.4');
    assert.equal(app.debugFile, 'c:\\build\\crashy.pdb');
    assert.equal(app.debugId, '112233445566778801020304050607082a');
    assert.equal(app.codeId, '1234567810000');
    assert.equal(ntdll.version, '10.0.19041.1');
    assert.equal(ntdll.debugId, undefined);
    const details = r.details.minidump as MinidumpDetails;
    assert.ok(details.streams.some((s) => s.name === 'UnknownStream(0x12345678)' && s.size === 4), 'unknown stream listed');
  });
}
