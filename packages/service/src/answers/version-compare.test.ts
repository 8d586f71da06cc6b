import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, parseVersion } from './version-compare.js';

function cmp(a: string, b: string): number | null {
  const x = parseVersion(a);
  const y = parseVersion(b);
  assert.ok(x, `parses ${a}`);
  assert.ok(y, `parses ${b}`);
  return compareVersions(x, y);
}

test('Windows a.b.c.d: numeric per part, missing parts are zero', () => {
  assert.equal(cmp('6.0.1.7', '6.0.1.10'), -1); // not string order
  assert.equal(cmp('10.0.19041.1', '6.3.9600.17415'), 1);
  assert.equal(cmp('6.1', '6.1.0.0'), 0);
  assert.equal(cmp('5.1.2600.2945', '5.1.2600.2945'), 0);
  assert.equal(cmp('31.0.15.3623', '31.0.15.4601'), -1);
  assert.equal(cmp('2.0.0.1', '2.0.0.0'), 1);
  // As version resources and `ver` annotations also spell them.
  assert.equal(cmp('6, 0, 1, 7', '6.0.1.7'), 0);
  assert.equal(cmp('10.0.19041.1 (WinBuild.160101.0800)', '10.0.19041.2'), -1);
});

test('SemVer 2.0.0 precedence, pre-releases included (§11 example chain)', () => {
  const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
  for (let i = 0; i < chain.length; i++) {
    for (let j = 0; j < chain.length; j++) {
      assert.equal(cmp(chain[i]!, chain[j]!), Math.sign(i - j), `${chain[i]} vs ${chain[j]}`);
    }
  }
  assert.equal(cmp('2.4.1', '2.4.10'), -1);
  assert.equal(cmp('v2.4.1', '2.4.1'), 0);
  assert.equal(cmp('1.0.0+build.5', '1.0.0+build.9'), 0); // build metadata has no precedence
  assert.equal(cmp('1.0.0-rc.1+exp.sha', '1.0.0'), -1);
});

test('ELF build ids: equality only, never older or newer', () => {
  const a = 'build-id:f1c3bcc0279865fe3058404b2831d9e64135386c';
  assert.equal(cmp(a, 'F1C3BCC0279865FE3058404B2831D9E64135386C'), 0);
  assert.equal(cmp(a, 'build-id:b5381a457906d279073822a5ceb24c4bfef94ddb'), null);
  assert.equal(parseVersion('b5381a457906d279073822a5ceb24c4bfef94ddb')?.scheme, 'build-id');
  assert.equal(cmp(a, '1.0.0'), null); // schemes never mix
});

test('timestamps: numeric, in decimal, WinDbg hex or as a date', () => {
  assert.equal(cmp('0xC9C03000', 'timestamp:3384815616'), 0);
  assert.equal(cmp('timestamp:0x5F3E2A10', '0x5F3E2A11'), -1);
  assert.equal(cmp('timestamp:2020-08-20', 'timestamp:1597881600'), 0);
  assert.equal(cmp('timestamp:99', 'timestamp:100'), -1); // not string order
  assert.equal(cmp('timestamp:100', '1.0'), null);
});

test('what is not a version is null, never a guess', () => {
  for (const s of ['', '   ', 'latest', '1..2', '1.2.3-', '1.2.3-a..b', 'timestamp:yesterday', 'build-id:xyz', '1.2.3.4.5.6.7.8.9', '9'.repeat(400), '99999999999999999999.1']) {
    assert.equal(parseVersion(s), null, JSON.stringify(s.slice(0, 30)));
  }
  assert.equal(parseVersion(null), null);
  assert.equal(parseVersion(undefined), null);
});
