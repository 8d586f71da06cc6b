// Damaged and hostile microdumps: a bad line is a warning with its line number, the rest of the
// dump is still reported; a file that is not a microdump is not claimed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, sniffFormat } from '../../analyze.js';
import { BufferSource } from '../../io/byte-source.js';
import { CulpritParseError } from '../../io/errors.js';
import { readCorpus } from '../../testing/corpus.js';
import type { CrashReport } from '../../report/model.js';
import type { MicrodumpDetails } from './details.js';
import { MICRODUMP_LIMITS } from './limits.js';
import { microdumpReader } from './reader.js';

const ARM = new TextDecoder().decode(readCorpus('minidump', 'breakpad', 'microdump-arm.dmp'));
const LINES = ARM.split('\n');

function read(text: string): CrashReport {
  return analyze(new BufferSource(new TextEncoder().encode(text)));
}

/** 1-based number of the first line of the ARM dump whose record starts with `key`. */
function lineOf(key: string): number {
  const i = LINES.findIndex((l) => l.includes(`): ${key}`));
  assert.ok(i >= 0, key);
  return i + 1;
}

/** Frames the intact dump walks to (scanning, as it has no symbols here). */
const INTACT_FRAMES = read(ARM).threads[0].frames.length;

/** The thread still starts at its context and walks as far as the intact dump's. */
function walksAsIntact(r: CrashReport): void {
  assert.ok(INTACT_FRAMES > 1);
  assert.equal(r.threads[0].frames[0]?.trust, 'context');
  assert.equal(r.threads[0].frames.length, INTACT_FRAMES);
}

function replaceLine(n: number, f: (l: string) => string): string {
  return LINES.map((l, i) => (i === n - 1 ? f(l) : l)).join('\n');
}

test('truncated: the dump cut in its stack still gives OS, CPU and a warning naming the cut', () => {
  const cut = lineOf('S ') + 3;
  const r = read(LINES.slice(0, cut).join('\n'));
  assert.equal(r.system.os.platform, 'Android');
  assert.equal(r.system.cpu.arch, 'arm');
  const codes = r.warnings.map((w) => w.code);
  assert.ok(codes.includes('CULPRIT_ERR_TRUNCATED'), JSON.stringify(r.warnings));
  const noEnd = r.warnings.find((w) => /no END marker/.test(w.message));
  assert.equal(noEnd?.line, cut);
  // No C line was reached: no frame, and the report says why.
  assert.equal(r.threads[0].frames.length, 0);
  assert.ok(r.warnings.some((w) => /no CPU context/.test(w.message)));
  // The stack header announced more bytes than arrived.
  assert.ok(r.warnings.some((w) => /announces 0x2000 bytes/.test(w.message)));
});

test('truncated at every line and mid-line: a report or a typed error, never anything else', () => {
  const bytes = new TextEncoder().encode(ARM);
  let reports = 0;
  for (let n = 0; n <= bytes.length; n += 613) {
    try {
      const r = analyze(new BufferSource(bytes.subarray(0, n)));
      assert.ok(r.warnings.every((w) => w.code !== 'CULPRIT_ERR_INTERNAL'));
      reports++;
    } catch (err) {
      assert.ok(err instanceof CulpritParseError, String(err));
    }
  }
  assert.ok(reports > 20);
});

test('bad hex in the CPU context: warning on that line, modules and OS still read', () => {
  const n = lineOf('C ');
  const r = read(replaceLine(n, (l) => l.replace(/C 0600/, 'C 06Z0')));
  const w = r.warnings.find((x) => x.line === n);
  assert.ok(w, JSON.stringify(r.warnings));
  assert.equal(w.code, 'CULPRIT_ERR_BAD_VALUE');
  assert.match(w.message, /line \d+/);
  assert.equal(r.threads[0].frames.length, 0);
  assert.equal(r.modules.length, 6);
});

test('a CPU context of the wrong size is refused as Breakpad refuses it', () => {
  const n = lineOf('C ');
  const r = read(replaceLine(n, (l) => l + '00'));
  const w = r.warnings.find((x) => x.line === n);
  assert.match(w?.message ?? '', /369 bytes; an arm context is 368/);
  assert.equal(r.threads[0].context, undefined);
});

test('bad hex in a module line drops that module only', () => {
  const n = lineOf('M ');
  const r = read(replaceLine(n, (l) => l.replace(/M ([0-9A-F]{8})/, 'M XYZ00000')));
  assert.equal(r.modules.length, 5);
  const w = r.warnings.find((x) => x.line === n);
  assert.equal(w?.code, 'CULPRIT_ERR_BAD_VALUE');
  assert.equal(w?.part, 'microdump M line');
});

test('bad hex in a stack line below the stack pointer: the gap splits the stack, the walk is unchanged', () => {
  const n = lineOf('S ') + 2; // the second chunk
  const r = read(replaceLine(n, (l) => l.replace(/ S ([0-9A-F]+) ([0-9A-F]{6})/, ' S $1 Q$2')));
  assert.equal(r.warnings.find((x) => x.line === n)?.code, 'CULPRIT_ERR_BAD_VALUE');
  assert.ok(r.warnings.some((x) => /does not follow the previous one/.test(x.message)));
  walksAsIntact(r);
});

test('a huge line is skipped, not decoded, and reported with its number', () => {
  const n = lineOf('G ');
  const huge = 'W/google-breakpad( 3745): G ' + 'A'.repeat(MICRODUMP_LIMITS.lineBytes + 10);
  const r = read(replaceLine(n, () => huge));
  const w = r.warnings.find((x) => x.line === n);
  assert.equal(w?.code, 'CULPRIT_ERR_LIMIT');
  assert.equal((r.details.microdump as MicrodumpDetails).gpu, undefined);
  walksAsIntact(r);
});

test('a malformed record line is a warning with its line number', () => {
  const n = lineOf('O ');
  const r = read(replaceLine(n, (l) => l.replace(/O A arm 02/, 'O A arm zz')));
  assert.equal(r.warnings.find((x) => x.line === n)?.code, 'CULPRIT_ERR_BAD_VALUE');
  assert.equal(r.system.cpu.arch, 'unknown');
});

test('an unfinished dump followed by a complete one: the complete one is reported', () => {
  const body = LINES.filter((l) => l.includes('google-breakpad'));
  const end = body.findIndex((l) => l.includes('-----END'));
  const cut = body.slice(0, 5); // BEGIN, O, G, S 0, first chunk
  const r = read([...cut, ...body.slice(0, end + 1)].join('\r\n'));
  const d = r.details.microdump as MicrodumpDetails;
  assert.equal(d.dumps.length, 2);
  assert.equal(d.chosen, 1);
  walksAsIntact(r);
  assert.equal(r.warnings.length, 1);
  assert.equal(r.warnings[0].code, 'CULPRIT_ERR_TRUNCATED');
});

test('without a logcat prefix, with CRLF, and with other tags interleaved', () => {
  const bare = LINES.map((l) => l.replace(/^W\/google-breakpad\( 3745\): /, '')).join('\r\n');
  const a = read(bare);
  assert.deepEqual(a.warnings, []);
  assert.equal(a.modules.length, 6);
  walksAsIntact(a);

  const n = lineOf('M ');
  const mixed = LINES.flatMap((l, i) => (i === n - 1 ? ['I/ActivityManager(  812): Process com.example (pid 3745) has died', l] : [l])).join('\n');
  const b = read(mixed);
  assert.deepEqual(b.warnings, []);
  assert.equal(b.modules.length, 6);
  assert.equal((b.details.microdump as MicrodumpDetails).foreignLines, 1);
});

test('sniff: claims the BEGIN marker in the first 64 KiB only, and no minidump', () => {
  const enc = new TextEncoder();
  assert.equal(microdumpReader.sniff(enc.encode(ARM)), true);
  assert.equal(microdumpReader.sniff(enc.encode('I/chromium: BREAKPAD MICRODUMP mentioned in passing\n')), false);
  const late = enc.encode(' '.repeat(70 * 1024) + ARM);
  assert.equal(sniffFormat(new BufferSource(late)), null);
  const minidump = readCorpus('minidump', 'breakpad', 'ascii_read_av.dmp');
  assert.equal(microdumpReader.sniff(minidump), false);
  assert.equal(sniffFormat(new BufferSource(minidump))?.id, 'minidump');
});

test('a marker the scanner cannot use is a typed error, not a crash', () => {
  // The BEGIN line is longer than the line limit: sniff sees the marker, the reader cannot.
  const text = '-----BEGIN BREAKPAD MICRODUMP-----' + ' '.repeat(MICRODUMP_LIMITS.lineBytes) + '\n';
  assert.throws(() => read(text), (e: unknown) => e instanceof CulpritParseError && e.code === 'CULPRIT_ERR_BAD_SIGNATURE');
});

test('a flood of bad lines or stack gaps gives a bounded list of warnings', () => {
  const head = ['-----BEGIN BREAKPAD MICRODUMP-----', 'O A arm 02 armv7l X', 'S 0 1000 1000 100000'];
  const gaps = Array.from({ length: 500 }, (_, i) => `S ${(0x1000 + i * 0x20).toString(16).toUpperCase()} 00000000`);
  const bad = Array.from({ length: 1000 }, () => 'M nothex 0 0 0 x');
  const r = read([...head, ...gaps, ...bad, '-----END BREAKPAD MICRODUMP-----'].join('\n'));
  assert.ok(r.warnings.length <= MICRODUMP_LIMITS.warnings + 16, `${r.warnings.length} warnings`);
  assert.ok(r.warnings.some((w) => /499 gaps in the stack/.test(w.message)));
  assert.ok(r.warnings.some((w) => /more than 200 warnings/.test(w.message)));
  assert.equal(r.modules.length, 0);
});
