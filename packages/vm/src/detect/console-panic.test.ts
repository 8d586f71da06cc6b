import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConsoleCrash, lastBootStart } from './console-panic.js';
import { readCorpus } from '../../../core/src/testing/corpus.js';

const text = (...p: string[]): string => new TextDecoder().decode(readCorpus(...p));

test('a panic in a real kernel log is found, and complete once its end marker is printed', () => {
  const log = text('oops', 'syzkaller', 'report_4.txt');
  const f = findConsoleCrash(log);
  assert.ok(f?.panic, 'panic found');
  const cut = log.indexOf('Kernel panic - not syncing');
  assert.equal(findConsoleCrash(log.slice(0, cut))?.panic ?? false, false);
  assert.equal(findConsoleCrash(log.slice(0, cut) + 'Kernel panic - not syncing: Fatal exception\n')?.complete, false);
  assert.equal(findConsoleCrash(log + '\n---[ end Kernel panic - not syncing: Fatal exception ]---\n')?.complete, true);
});

test('an oops without a panic is found as an oops; ordinary boot text is not', () => {
  const oops = text('oops', 'abrt', 'oops-32bit-graphics.test');
  const f = findConsoleCrash(oops);
  assert.ok(f && f.oops && !f.panic);
  assert.equal(findConsoleCrash('[    0.000000] Linux version 6.1.0-50-cloud-amd64\n[    1.0] Run /init as init process\nculprit-guest: heartbeat 3\n'), null);
});

test('the excerpt starts at the last boot banner', () => {
  const two = 'old\n[    0.000000] Linux version 6.1.0 (a)\nfirst boot\n[    0.000000] Linux version 6.1.0 (b)\nsecond boot\n';
  assert.ok(two.slice(lastBootStart(two)).startsWith('[    0.000000] Linux version 6.1.0 (b)'));
  assert.equal(lastBootStart('no banner'), 0);
});
