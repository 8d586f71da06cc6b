import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedEventQueue } from './event-queue.js';

test('a flood is bounded: ordinary events make room, crash events are kept first', () => {
  const q = new BoundedEventQueue<string>(8);
  q.push('crash-0', true);
  for (let i = 0; i < 100_000; i++) q.push(`noise-${i}`, false);
  q.push('crash-1', true);
  assert.equal(q.length, 8);
  assert.equal(q.dropped, 100_001 - 7);
  const all: string[] = [];
  for (let e = q.shift(); e; e = q.shift()) all.push(e);
  assert.equal(all[0], 'crash-0');
  assert.equal(all.at(-1), 'crash-1');
  assert.deepEqual(all.slice(1, -1), ['noise-99994', 'noise-99995', 'noise-99996', 'noise-99997', 'noise-99998', 'noise-99999']);
});

test('only crash events queued: the newest is dropped and counted', () => {
  const q = new BoundedEventQueue<number>(3);
  for (let i = 0; i < 10; i++) q.push(i, true);
  assert.equal(q.length, 3);
  assert.equal(q.dropped, 7);
  assert.equal(q.shift(), 0);
});
