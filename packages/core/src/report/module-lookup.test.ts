import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ModuleLookup } from './module-lookup.js';

// Bases above 2^53 that differ only in their low bits become the same double: the order must
// still be the exact 64-bit order, and equal bases must keep their list order.
const HIGH = 0xffff_f800_0000_0000n;
const MODULES = [
  { base: HIGH + 0x3000n, size: 0x1000n },
  { base: 0x7ff6_0000_0000n, size: 0x10000n },
  { base: HIGH + 0x1000n, size: 0x1000n },
  { base: HIGH + 0x1001n, size: 0x1n },
  { base: 0x400000n, size: 0x2000n },
  { base: HIGH + 0x1000n, size: 0x800n }, // same base as index 2
  { base: 0n, size: 0x1000n },
  { base: 0xffff_ffff_ffff_f000n, size: 0x1000n },
];

test('modules are ordered by their exact 64-bit base, equal bases in list order', () => {
  const order = new ModuleLookup(MODULES).byAddress();
  assert.deepEqual([...order], [6, 4, 1, 2, 5, 3, 0, 7]);
});

test('find returns the module holding an address, also among bases a double cannot tell apart', () => {
  const lookup = new ModuleLookup(MODULES);
  assert.equal(lookup.find(0x400000n), 4);
  assert.equal(lookup.find(0x401fffn), 4);
  assert.equal(lookup.find(0x402000n), undefined);
  assert.equal(lookup.find(HIGH + 0x1001n), 3, 'the highest base at or below the address that holds it');
  assert.equal(lookup.find(HIGH + 0x1002n), 5, 'index 3 is one byte long; the next candidate down holds it');
  assert.equal(lookup.find(HIGH + 0x3fffn), 0);
  assert.equal(lookup.find(0xffff_ffff_ffff_ffffn), 7);
  assert.equal(lookup.find(HIGH + 0x2000n), undefined);
});
