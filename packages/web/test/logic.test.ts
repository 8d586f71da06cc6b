import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../src/i18n/en.js';
import { ja } from '../src/i18n/ja.js';
import { kindGroupOf, matchesSearch } from '../src/crashers/filters.js';
import { versionSeriesOnDays } from '../src/charts/by-version.js';
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

test('by-version series: the service lines on every day of the window, other versions kept apart', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const s = versionSeriesOnDays(
    [
      { version: '1.0', points: [{ day: '2026-03-08', count: 2 }, { day: '2026-03-10', count: 1 }] },
      { version: null, points: [{ day: '2026-03-09', count: 4 }] },
      { version: null, other: true, points: [{ day: '2026-01-01', count: 9 }, { day: '2026-03-10', count: 3 }] },
    ],
    3,
    now,
  );
  assert.deepEqual(s.x, [Date.parse('2026-03-08') / 1000, Date.parse('2026-03-09') / 1000, Date.parse('2026-03-10') / 1000]);
  assert.deepEqual(s.lines, [
    { version: '1.0', other: false, counts: [2, 0, 1] },
    { version: null, other: false, counts: [0, 4, 0] },
    { version: null, other: true, counts: [0, 0, 3] },
  ]);
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
