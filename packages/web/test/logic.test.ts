import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../src/i18n/en.js';
import { ja } from '../src/i18n/ja.js';
import { kindGroupOf, matchesSearch } from '../src/crashers/filters.js';
import { countsByDayAndVersion, VERSION_LINES } from '../src/charts/by-version.js';
import { repeatInstalls } from '../src/bucket/repeats.js';
import { reasonExplanationKey } from '../src/report/reason-explanation.js';
import { isServicePath } from '../../service/src/routes/web-ui.js';

test('Japanese has every English message, with the same placeholders', () => {
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.ok(ja[key], `ja.${key}`);
    assert.deepEqual(names(ja[key]), names(en[key]), `placeholders of ${key}`);
  }
});

test('filters: report kinds map to the filter groups, search matches signature or culprit module', () => {
  assert.equal(kindGroupOf('minidump'), 'application');
  assert.equal(kindGroupOf('windows-kernel-dump'), 'kernel-dump');
  assert.equal(kindGroupOf('linux-kernel-log'), 'oops');
  assert.equal(kindGroupOf(null), 'other');
  const b = { signature: '0x7E_amdppm.sys+0x334c', culprit: { name: 'amdppm.sys', version: null } };
  assert.ok(matchesSearch(b, 'AMDPPM'));
  assert.ok(matchesSearch({ ...b, culprit: null }, '0x7e'));
  assert.ok(!matchesSearch(b, 'ntoskrnl'));
});

test('by-version series: one line per frequent version, the rest summed, days outside the window dropped', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const reports = [
    ...Array.from({ length: 8 }, (_, i) => ({ receivedAt: '2026-03-10T01:00:00Z', version: `v${i}` })),
    { receivedAt: '2026-03-10T02:00:00Z', version: 'v0' },
    { receivedAt: '2026-03-08T02:00:00Z', version: 'v0' },
    { receivedAt: '2026-01-01T00:00:00Z', version: 'v0' },
  ];
  const s = countsByDayAndVersion(reports, 3, now);
  assert.equal(s.x.length, 3);
  assert.equal(s.lines.length, VERSION_LINES + 1);
  assert.equal(s.lines[0]!.version, 'v0');
  assert.deepEqual(s.lines[0]!.counts, [1, 0, 2]);
  assert.deepEqual(s.lines.at(-1)!.counts, [0, 0, 8 - VERSION_LINES]);
});

test('repeats: installs that sent the crash more than once', () => {
  assert.equal(repeatInstalls([{ guid: 'a' }, { guid: 'a' }, { guid: 'b' }, { guid: null }, { guid: null }]), 1);
});

test('reason explanations: kernel kinds first, then the reason text', () => {
  assert.equal(reasonExplanationKey('minidump', 'EXCEPTION_ACCESS_VIOLATION_READ'), 'why_access_violation');
  assert.equal(reasonExplanationKey('minidump', 'SIGABRT'), 'why_abort');
  assert.equal(reasonExplanationKey('windows-kernel-dump', 'SYSTEM_THREAD_EXCEPTION_NOT_HANDLED'), 'why_bugcheck');
  assert.equal(reasonExplanationKey('minidump', 'SOMETHING_ELSE'), 'why_other');
});

test('web UI serving: service paths stay the API, everything else is the app', () => {
  for (const p of ['/api', '/api/buckets?days=7', '/submit', '/submit?prod=x', '/healthz', '/metrics', '/openapi.json']) assert.ok(isServicePath(p), p);
  for (const p of ['/', '/r/123', '/crashers', '/apix', '/submitted']) assert.ok(!isServicePath(p), p);
});
