import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ByteView } from './byte-view.js';
import { CulpritParseError } from './errors.js';

// Bytes chosen so every field has its top bit set somewhere (sign and >>> 0 handling).
const BYTES = new Uint8Array([0x00, 0x80, 0xff, 0x7f, 0x01, 0xfe, 0x92, 0xc3, 0x00, 0xff, 0xff, 0xff, 0xff, 0x10, 0x20, 0x30]);

test('integer fields equal DataView reads in both byte orders, at every offset, inside a larger buffer', () => {
  // The view starts 3 bytes into its buffer, as a subarray of a file block does.
  const backing = new Uint8Array(BYTES.length + 3);
  backing.set(BYTES, 3);
  const bytes = backing.subarray(3);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const le of [true, false]) {
    const v = new ByteView(bytes, 100, le, { format: 'test', part: 'record' });
    for (let o = 0; o < bytes.length; o++) {
      assert.equal(v.u8(o), dv.getUint8(o));
      if (o + 2 <= bytes.length) assert.equal(v.u16(o), dv.getUint16(o, le), `u16 at ${o} le=${le}`);
      if (o + 4 <= bytes.length) {
        assert.equal(v.u32(o), dv.getUint32(o, le), `u32 at ${o} le=${le}`);
        assert.equal(v.i32(o), dv.getInt32(o, le), `i32 at ${o} le=${le}`);
      }
      if (o + 8 <= bytes.length) assert.equal(v.u64(o), dv.getBigUint64(o, le), `u64 at ${o} le=${le}`);
    }
  }
});

test('reads past the end are typed errors with the absolute offset, for every width', () => {
  const v = new ByteView(BYTES.subarray(0, 6), 0x40, true, { format: 'test', part: 'record' });
  for (const [read, at] of [
    [() => v.u8(6), 6],
    [() => v.u16(5), 5],
    [() => v.u32(3), 3],
    [() => v.i32(-1), -1],
    [() => v.u64(0), 0],
  ] as const) {
    assert.throws(read, (e: unknown) => e instanceof CulpritParseError && e.code === 'CULPRIT_ERR_TRUNCATED' && e.location.offset === 0x40 + at);
  }
});
