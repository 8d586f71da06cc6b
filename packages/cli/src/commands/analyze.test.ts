// The CLI as people run it: the built bin in a child process, real corpus files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/culprit.js');
const corpus = join(root, '../shared/corpus/minidump');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('analyze prints a minidump_stackwalk-style report', () => {
  const r = run('analyze', join(corpus, 'breakpad/linux_raise_sigabrt.dmp'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Operating system: Linux$/m);
  assert.match(r.stdout, /^Crash reason: {2}SIGABRT$/m);
  assert.match(r.stdout, /^Thread 0 \(crashed\)/m);
  assert.match(r.stdout, /^0x7f5aa0e3d000 - 0x7f5aa11fcfff {2}libc-2\.19\.so/m);
});

test('--json is parseable and uses the minidump-stackwalk field names', () => {
  const r = run('analyze', '--json', join(corpus, 'rust-minidump/test.dmp'));
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.crash_info.type, 'EXCEPTION_ACCESS_VIOLATION_WRITE');
  assert.equal(doc.system_info.os, 'Windows NT');
  assert.equal(doc.modules[0].filename, 'test_app.exe');
  assert.equal(doc.crashing_thread.frames[0].trust, 'context');
});

test('--brief shows the crashing thread and no module list', () => {
  const r = run('analyze', '--brief', join(corpus, 'rust-minidump/test.dmp'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Thread 0 \(crashed\)/);
  assert.doesNotMatch(r.stdout, /Loaded modules/);
});

test('an unusable file exits 1 with one sentence naming the problem and the place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-cli-'));
  const junk = join(dir, 'junk.dmp');
  writeFileSync(junk, 'this is not a crash dump at all\n');
  const r = run('analyze', junk);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0], /junk\.dmp: .*offset 0x0.*not a format Culprit reads/);

  // A minidump whose header is cut: typed error with its offset.
  const cut = join(dir, 'cut.dmp');
  writeFileSync(cut, readFileSync(join(corpus, 'rust-minidump/test.dmp')).subarray(0, 20));
  const c = run('analyze', cut);
  assert.equal(c.code, 1);
  assert.match(c.stderr, /minidump header at offset 0x0: 32 bytes needed/);
});

test('a missing file says so and what to do', () => {
  const r = run('analyze', '/nonexistent/crash.dmp');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no such file; check the path/);
});

test('a damaged dump still gives a report, with the damage listed', () => {
  const r = run('analyze', join(corpus, 'radare2/npe_w_bin_mdmp.c-111_1.mdmp'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Warnings \(damaged parts; the rest of the report stands\):/);
  assert.match(r.stdout, /offset 0x[0-9a-f]+/);
});

test('usage errors exit 2 and point at --help', () => {
  const r = run('analyze');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing required argument/);
  assert.match(r.stderr, /culprit --help/);
});

test('a folder is analyzed in one process: JSON lines, non-crash files skipped, a summary', () => {
  const r = run('analyze', '--jsonl', '--symbols-path', join(corpus, 'rust-minidump/symbols'), join(corpus, 'rust-minidump'));
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 7, 'the seven dumps; snapshots, symbols and README are skipped');
  const test = lines.find((l) => l.file.endsWith('/test.dmp'));
  assert.equal(test.report.crashing_thread.frames[1].function, 'main');
  assert.match(r.stderr, /7 analyzed, 0 failed, \d+ skipped \(not crash files\)/);
});

test('--out-dir writes one JSON report per dump', () => {
  const out = mkdtempSync(join(tmpdir(), 'culprit-out-'));
  const r = run('analyze', '--out-dir', out, join(corpus, 'rust-minidump/test.dmp'), join(corpus, 'rust-minidump/linux-mini.dmp'));
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(readFileSync(join(out, 'linux-mini.dmp.json'), 'utf8'));
  assert.equal(doc.system_info.os, 'Linux');
  assert.equal(JSON.parse(readFileSync(join(out, 'test.dmp.json'), 'utf8')).system_info.cpu_arch, 'x86');
});

test('in a batch, a bad named file is reported and the rest still analyzed', () => {
  const r = run('analyze', '--jsonl', '/nonexistent.dmp', join(corpus, 'rust-minidump/test.dmp'));
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.match(lines[0].error, /no such file/);
  assert.equal(lines[1].report.system_info.os, 'Windows NT');
});

test('--workers: a batch on worker threads writes the same output, in input order, as on one thread', () => {
  const breakpad = ['minidump2.dmp', 'linux_raise_sigabrt.dmp'].map((n) => join(corpus, 'breakpad', n));
  const args = ['--symbols-path', join(corpus, 'rust-minidump/symbols'), join(corpus, 'rust-minidump'), '/nonexistent.dmp', ...breakpad];
  const one = run('analyze', '--jsonl', '--workers', '0', ...args);
  const two = run('analyze', '--jsonl', '--workers', '2', ...args);
  assert.equal(one.code, 1, one.stderr);
  assert.equal(two.code, 1);
  assert.equal(one.stdout.trim().split('\n').length, 10, 'seven dumps of the folder, the missing file, two named dumps');
  assert.equal(two.stdout, one.stdout);
  const summary = (s: string) => s.replace(/ in [\d.]+ s \([\d.]+ per second\)/, '');
  assert.equal(summary(two.stderr), summary(one.stderr));

  const human = (w: string) => run('analyze', '--workers', w, '--brief', join(corpus, 'rust-minidump/test.dmp'), join(corpus, 'rust-minidump/linux-mini.dmp'), join(corpus, 'breakpad/minidump2.dmp'));
  assert.equal(human('2').stdout, human('0').stdout);
  assert.match(run('analyze', '--workers', 'x', join(corpus, 'rust-minidump/test.dmp')).stderr, /whole number/);
});
