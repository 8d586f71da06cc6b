// decodeLatin1 maps each byte to the character with that code, whatever the bytes: the fast path
// for ASCII text must never change the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeLatin1 } from './byte-view.js';

const slow = (bytes: Uint8Array): string => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

test('every byte becomes the character with its code', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const cases = [
    new TextEncoder().encode('Unable to handle kernel NULL pointer dereference at 0000000000000008\n'),
    all,
    Uint8Array.of(0xef, 0xbf, 0xbd), // the UTF-8 bytes of U+FFFD: three characters here
    Uint8Array.of(0xc3, 0xa9), // UTF-8 'é': two characters here
    new Uint8Array(20_000).fill(0x41), // longer than one chunk
    Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) & 0xff),
    new Uint8Array(0),
  ];
  for (const bytes of cases) {
    const text = decodeLatin1(bytes);
    assert.equal(text.length, bytes.length);
    assert.equal(text, slow(bytes));
  }
});
