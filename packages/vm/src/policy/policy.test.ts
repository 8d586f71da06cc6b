import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrashPolicy } from './policy.js';

test('restart until the crash-loop limit, then leave paused; the window slides', () => {
  const p = new CrashPolicy({ onCrash: 'restart', maxRestarts: 2, windowMs: 60_000 });
  assert.equal(p.decide('a', 0, true).action, 'restart');
  assert.equal(p.decide('a', 1000, true).action, 'restart');
  const third = p.decide('a', 2000, true);
  assert.equal(third.action, 'pause');
  assert.match(third.reason, /crash loop: 2 restart/);
  assert.equal(p.decide('b', 2000, true).action, 'restart', 'other VMs have their own count');
  assert.equal(p.decide('a', 61_500, true).action, 'restart', 'old restarts leave the window');
});

test('pause and poweroff are applied as chosen; a survived oops is left alone', () => {
  assert.equal(new CrashPolicy({ onCrash: 'poweroff', maxRestarts: 1, windowMs: 1 }).decide('a', 0, true).action, 'poweroff');
  assert.equal(new CrashPolicy({ onCrash: 'pause', maxRestarts: 1, windowMs: 1 }).decide('a', 0, true).action, 'pause');
  assert.equal(new CrashPolicy({ onCrash: 'restart', maxRestarts: 1, windowMs: 1 }).decide('a', 0, false).action, 'none');
});
