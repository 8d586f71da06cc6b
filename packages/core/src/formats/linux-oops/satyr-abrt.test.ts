// What satyr and ABRT extract from the same logs.
//  - abrt/*.right: abrt-dump-oops' own output for *.test(.template): how many oopses, the
//    kernel version, the taint letters, and the oops text (whose frames must be ours).
//  - satyr: the expectations of satyr's tests/koops_stacktrace.c (test_koops_stacktrace_parse)
//    and tests/python/koops.py for the files the corpus shares with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferSource } from '../../io/byte-source.js';
import { listCorpus, readCorpus } from '../../testing/corpus.js';
import { satyrFrames } from '../../analysis/linux-oops/koops-hash.js';
import { parseFrameLine } from './frame-line.js';
import { parseKernelLog, readKernelLog } from './reader.js';
import type { KernelLogDetails } from './to-crash-report.js';

interface RightFile {
  count: number;
  taint?: string;
  oopses: { version: string; lines: string[] }[];
}

function readRight(text: string): RightFile {
  const lines = text.split('\n');
  const count = Number(/Found oopses: (\d+)/.exec(lines[0])?.[1]);
  const taint = /Kernel is tainted '([A-Z]+)'/.exec(text)?.[1];
  const oopses: RightFile['oopses'] = [];
  for (const line of lines) {
    const v = /^Version: (.*)$/.exec(line);
    if (v) oopses.push({ version: v[1], lines: [] });
    else if (oopses.length && line !== '') oopses[oopses.length - 1].lines.push(line);
  }
  return { count, taint, oopses };
}

/** Frames of an oops text by the same line grammar (stack markers such as `<NMI>` removed). */
function framesOf(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const f = parseFrameLine(l.replace(/^\s*(?:<<?\/?[A-Z]{2,6}>>?\s*)+/, ''));
    if (f) out.push(`${f.reliable ? '' : '? '}${f.function ?? '0x' + (f.address ?? 0n).toString(16)}`);
  }
  return out;
}

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

test('abrt: same oopses, versions, taint and frames as abrt-dump-oops', () => {
  const rights = listCorpus('oops/abrt', (n) => n.endsWith('.right'));
  assert.ok(rights.length >= 6);
  for (const right of rights) {
    const base = right.replace(/\.right$/, '');
    const input = listCorpus('oops/abrt', () => true).find((p) => p === `${base}.test` || p === `${base}.test.template`);
    assert.ok(input, `input for ${right}`);
    const expected = readRight(decode(readCorpus(right)));
    const report = readKernelLog(new BufferSource(readCorpus(input)));
    const d = report.details['linux-kernel-log'] as KernelLogDetails;
    const ours = d.reports.filter((r) => r.consequenceOf === undefined);
    assert.equal(ours.length, expected.count, `${input}: number of oopses`);
    expected.oopses.forEach((oops, i) => {
      const r = ours[i];
      assert.equal(r.kernelVersion, oops.version, `${input} #${i + 1}: version`);
      assert.equal(r.header, oops.lines[0].trim(), `${input} #${i + 1}: first line`);
      const theirs = framesOf(oops.lines);
      const mine = r.frames.map((f) => `${f.reliable ? '' : '? '}${f.function ?? '0x' + (f.address ?? 0n).toString(16)}`);
      assert.deepEqual(mine, theirs, `${input} #${i + 1}: frames`);
    });
    if (expected.taint) assert.equal(ours[0].taint?.replace(/G/g, ''), expected.taint, `${input}: taint`);
  }
});

// satyr tests/koops_stacktrace.c: path, first function, last function, frames, taint flags, modules.
const SATYR: [string, string, string | null, number, number, number][] = [
  ['rhbz-827868.txt', 'warn_slowpath_common', 'gs_change', 32, 0, 119],
  ['rhbz-865695-2.txt', 'wdev_priv.part.8', 'system_call_fastpath', 20, 2, 103],
  ['rhbz-1040900-s390x-1.txt', 'will_oops_init', null, 6, 2, 24],
  ['rhbz-1235021.txt', 'smp_call_function_many', 'system_call_fastpath', 29, 0, 110],
  ['arm-hung-task-oops.txt', 'dump_backtrace_log_lvl', 'kthread', 6, 2, 0],
  ['gitlog-05.txt', 'mark_held_locks', 'sysenter_do_call', 26, 1, 0],
];
// satyr's taint flag list (lib/koops_stacktrace.c sr_flags): G and the newer letters are not counted.
const SATYR_TAINT = /[PFSRMBUDAWCIOELK]/g;

test('satyr: frames (with the IP frame first), taint flags and modules as satyr parses them', () => {
  for (const [file, first, last, frames, taints, modules] of SATYR) {
    const { build } = parseKernelLog(new BufferSource(readCorpus('oops', 'satyr', file)));
    assert.equal(build.reports.length, 1, file);
    const r = build.reports[0];
    const list = satyrFrames(r, build.satyrIps[0]);
    assert.equal(list.length, frames, `${file}: frame count`);
    assert.equal(list[0].function, first, `${file}: first frame`);
    assert.equal(list[list.length - 1].function ?? null, last, `${file}: last frame`);
    assert.equal((r.taint ?? '').match(SATYR_TAINT)?.length ?? 0, taints, `${file}: taint flags`);
    assert.equal(r.modules.length, modules, `${file}: modules`);
  }
});

test('satyr python test: taint flags of rhbz-827868-modified decoded letter by letter', () => {
  const { build } = parseKernelLog(new BufferSource(readCorpus('oops', 'satyr', 'rhbz-827868-modified.txt')));
  const r = build.reports[0];
  assert.equal(r.taint, 'PBDO');
  assert.deepEqual(
    r.taintFlags.map((t) => t.letter),
    ['P', 'B', 'D', 'O'],
  );
  assert.match(r.taintFlags[0].meaning, /proprietary/);
  assert.match(r.taintFlags[2].meaning, /OOPS or BUG happened before/);
  assert.match(r.taintFlags[3].meaning, /out-of-tree/);
  const plain = parseKernelLog(new BufferSource(readCorpus('oops', 'satyr', 'rhbz-827868.txt'))).build.reports[0];
  assert.equal(plain.taint, '');
  assert.deepEqual(plain.taintFlags, []);
});
