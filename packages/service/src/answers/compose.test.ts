// Every answer case, from the facts answer-for.ts loads: no database, no workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeAnswer, type AnswerInput, type CandidateSolution } from './compose.js';
import { installedVersions, NO_VERSIONS } from './solution-match.js';

const bucket = { id: 7, signature: 'ctaud2k.sys+0x1234', count: 12, firstReportId: 'first' };
const culprit = { name: 'ctaud2k.sys', version: '6.0.1.7', vendor: 'Creative', thirdParty: true };
const sol = (over: Partial<CandidateSolution>): CandidateSolution => ({
  id: 1,
  kind: 'update',
  title: { en: 'Driver 6.0.2.0 fixes the crash on resume', ja: null },
  text: { en: 'Install 6.0.2.0 from the support site.', ja: 'サポートサイトから 6.0.2.0 をインストールしてください。' },
  link: 'https://example.com/drivers',
  fixedIn: '6.0.2.0',
  from: null,
  to: null,
  ...over,
});
const input = (over: Partial<AnswerInput>): AnswerInput => ({
  reportId: 'r1',
  status: 'processed',
  error: null,
  culprit,
  installed: installedVersions({ moduleVersion: '6.0.1.7', productVersion: null, timestamp: null, buildId: null }),
  bucket,
  repeatCount: 1,
  solutions: [],
  ...over,
});

test('older than the fixed version: the update is offered, in both languages', () => {
  const { answer, contradicted } = composeAnswer(input({ solutions: [sol({})] }));
  assert.equal(answer.verdict, 'update-available');
  assert.equal(answer.solutions[0]!.applies, 'yes');
  assert.match(answer.text.en, /ctaud2k\.sys 6\.0\.1\.7; version 6\.0\.2\.0 fixes/);
  assert.match(answer.text.ja, /6\.0\.1\.7 です/);
  assert.equal(answer.solutions[0]!.title.ja, answer.solutions[0]!.title.en); // no Japanese title: English shown
  assert.deepEqual(contradicted, []);
});

test('at or past the fixed version: never the useless update — a different or new problem, tracked for the vendor', () => {
  for (const v of ['6.0.2.0', '6.1']) {
    const { answer, contradicted } = composeAnswer(input({ installed: installedVersions({ moduleVersion: v, productVersion: null, timestamp: null, buildId: null }), solutions: [sol({})] }));
    assert.equal(answer.verdict, 'already-at-fixed-version');
    assert.equal(answer.solutions[0]!.applies, 'no');
    assert.match(answer.text.en, /updating will not help.*different or new problem; it is now tracked for Creative/);
    assert.deepEqual(contradicted, [1]);
  }
});

test('installed version unknown: says so and shows the fix with that caveat', () => {
  const { answer } = composeAnswer(input({ installed: NO_VERSIONS, solutions: [sol({})] }));
  assert.equal(answer.verdict, 'version-unknown');
  assert.equal(answer.solutions[0]!.applies, 'unknown-version');
  assert.match(answer.text.en, /does not say which version/);
  assert.match(answer.text.ja, /わかりません/);
});

test('a version range limits a solution; outside it the solution does not apply', () => {
  const s = sol({ kind: 'workaround', fixedIn: null, from: '5.0', to: '5.9' });
  const out = composeAnswer(input({ solutions: [s] })).answer;
  assert.equal(out.solutions[0]!.applies, 'no');
  assert.equal(out.verdict, 'known');
  const inside = composeAnswer(input({ installed: installedVersions({ moduleVersion: '5.2.0.1', productVersion: null, timestamp: null, buildId: null }), solutions: [s] })).answer;
  assert.equal(inside.verdict, 'workaround');
});

test('reproducible (third repeat): the workaround leads even when an update exists', () => {
  const solutions = [sol({}), sol({ id: 2, kind: 'workaround', fixedIn: null, title: { en: 'Disable audio enhancements.', ja: 'オーディオ拡張を無効にする。' } })];
  const second = composeAnswer(input({ repeatCount: 2, solutions })).answer;
  assert.equal(second.verdict, 'update-available');
  assert.equal(second.reproducible, false);
  const third = composeAnswer(input({ repeatCount: 3, solutions })).answer;
  assert.equal(third.verdict, 'workaround');
  assert.equal(third.reproducible, true);
  assert.deepEqual(third.solutions.map((s) => s.id), [2, 1]);
  assert.match(third.text.en, /hit this crash 3 times\. Until it is fixed, this avoids it: Disable audio enhancements\.$/);
});

test('information and investigating; new and known without solutions; queued and failed', () => {
  assert.equal(composeAnswer(input({ solutions: [sol({ kind: 'information', fixedIn: null })] })).answer.verdict, 'information');
  const inv = composeAnswer(input({ solutions: [sol({ kind: 'investigating', fixedIn: null })] })).answer;
  assert.equal(inv.verdict, 'investigating');
  assert.match(inv.headline.en, /^Creative is investigating/);
  assert.equal(composeAnswer(input({ reportId: 'first' })).answer.verdict, 'new');
  assert.equal(composeAnswer(input({})).answer.verdict, 'known');
  const queued = composeAnswer(input({ status: 'queued', bucket: null })).answer;
  assert.equal(queued.verdict, 'received');
  assert.ok(queued.headline.en && queued.headline.ja && queued.text.en && queued.text.ja);
  const failed = composeAnswer(input({ status: 'failed', bucket: null, error: 'not a format Culprit reads' })).answer;
  assert.equal(failed.verdict, 'failed');
  assert.match(failed.text.en, /not a format Culprit reads/);
});

test('driver timestamps and build ids as installed versions', () => {
  const ts = installedVersions({ moduleVersion: null, productVersion: null, timestamp: 0xc9c03000, buildId: null });
  assert.equal(composeAnswer(input({ installed: ts, solutions: [sol({ fixedIn: 'timestamp:0xC9C03001' })] })).answer.verdict, 'update-available');
  assert.equal(composeAnswer(input({ installed: ts, solutions: [sol({ fixedIn: '0xC9C03000' })] })).answer.verdict, 'already-at-fixed-version');
  assert.equal(composeAnswer(input({ installed: ts, solutions: [sol({})] })).answer.verdict, 'version-unknown'); // dotted fix, no dotted version
  const elf = installedVersions({ moduleVersion: null, productVersion: null, timestamp: null, buildId: 'f1c3bcc0279865fe3058404b2831d9e64135386c' });
  assert.equal(composeAnswer(input({ installed: elf, solutions: [sol({ fixedIn: 'build-id:F1C3BCC0279865FE3058404B2831D9E64135386C' })] })).answer.verdict, 'already-at-fixed-version');
  // Another build: older or newer cannot be told from a hash.
  assert.equal(composeAnswer(input({ installed: elf, solutions: [sol({ fixedIn: 'build-id:b5381a457906d279073822a5ceb24c4bfef94ddb' })] })).answer.verdict, 'version-unknown');
  // A module version wins over the product version; the product version fills in when the module has none.
  assert.equal(installedVersions({ moduleVersion: '1.0', productVersion: '9.0', timestamp: null, buildId: null }).dotted?.text, '1.0');
  assert.equal(installedVersions({ moduleVersion: null, productVersion: '9.0', timestamp: null, buildId: null }).dotted?.text, '9.0');
});
