import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferedOutput } from './buffered-output.js';

function collect(limit: number): { out: BufferedOutput; writes: Uint8Array[]; text: () => string } {
  const writes: Uint8Array[] = [];
  // A sink keeps what it is given (a pipe writes later): later writes must not change it.
  const out = new BufferedOutput((bytes) => writes.push(bytes), limit);
  return { out, writes, text: () => Buffer.concat(writes).toString('utf8') };
}

test('strings and byte chunks come out in order, UTF-8 encoded, after flush', () => {
  const { out, writes, text } = collect(64);
  out.write('abc ');
  out.write(new TextEncoder().encode('bytes é '));
  out.write('Ünïcødé 🦀\n');
  assert.equal(writes.length, 0, 'below the limit nothing is written yet');
  out.flush();
  assert.equal(text(), 'abc bytes é Ünïcødé 🦀\n');
  out.flush();
  assert.equal(writes.length, 1, 'an empty flush writes nothing');
});

test('each flush hands the sink a buffer no later write touches', () => {
  const { out, writes, text } = collect(16);
  const parts: string[] = [];
  for (let i = 0; i < 50; i++) {
    const line = `line ${i} ${'x'.repeat(i % 7)}\n`;
    parts.push(line);
    out.write(line);
  }
  out.flush();
  assert.ok(writes.length > 5, `writes gathered up to the limit (${writes.length})`);
  assert.equal(text(), parts.join(''));
  for (const w of writes.slice(0, -1)) assert.ok(w.byteLength >= 16, 'no write below the limit but the last');
});

test('a text larger than the buffer goes out whole, after what came before it', () => {
  const { out, text } = collect(8);
  const big = 'é'.repeat(100); // 200 UTF-8 bytes, more than the 4x-limit buffer can hold
  out.write('first ');
  out.write(big);
  out.write(new Uint8Array(64).fill(0x41));
  out.write(' last');
  out.flush();
  assert.equal(text(), 'first ' + big + 'A'.repeat(64) + ' last');
});
