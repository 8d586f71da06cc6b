// rust-minidump's human snapshots matched frame for frame, inlines included. Culprit's own human
// output follows Breakpad's text (see breakpad-text.test.ts); rust-minidump writes the same frames
// in two other conventions, which this test applies to Culprit's frames before comparing:
// - a caller frame is shown at its return address minus one (Breakpad shows the return address),
//   so module and source offsets are one less;
// - inlined calls carry no offset and are "Found by: inlining" (Breakpad: "inline record");
// - a frame that has inlined calls: rust-minidump counts its source offset from the start of the
//   outermost inlined call's code, Breakpad (and Culprit) from the call site's line record. Those
//   lines are compared without the offset, and counted.
// Every other part of each line — module, function, file, line, trust — must be equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, BufferSource, fileNameOf, lookupBelowShown, type CrashReport, type Frame, type ReadOptions } from '@culprit/core';
import { createSymbolSupplier } from '@culprit/core/node';
import { TRUST_TEXT } from './frames.js';

const corpus = join(import.meta.dirname, '../../../../../../shared/corpus/minidump/rust-minidump');
const hex = (v: bigint): string => '0x' + v.toString(16);

/** Marks a line whose source offset is counted differently by the two tools (see above). */
const OFFSET_FROM_INLINE_BASE = '\u0000';
const withoutOffset = (l: string): string => l.replace(/ \+ 0x[0-9a-f]+\]$/, ']');

/** rust-minidump's words where they differ from Breakpad's. */
const RUST_TRUST: Partial<Record<string, string>> = { inline: 'inlining' };

function rustLines(report: CrashReport): string[] {
  const out: string[] = [];
  for (const t of report.threads) {
    let n = 0;
    for (const f of t.frames) {
      const mod = f.module !== undefined ? fileNameOf(report.modules[f.module].codeFile) : undefined;
      for (const inl of f.inlines ?? []) {
        out.push(`${n++} ${mod}!${inl.function}${inl.file ? ` [${fileNameOf(inl.file)} : ${inl.line ?? 0}]` : ''}`);
        out.push('Found by: inlining');
      }
      const line = `${n++} ${location(report, f, mod)}`;
      out.push(f.inlines && f.inlines.length > 0 ? OFFSET_FROM_INLINE_BASE + line : line);
      out.push(`Found by: ${RUST_TRUST[f.trust] ?? TRUST_TEXT[f.trust]}`);
    }
  }
  return out;
}

function location(report: CrashReport, f: Frame, mod: string | undefined): string {
  const back = lookupBelowShown(report.system.cpu.arch, f.trust);
  if (f.function) {
    if (f.file) return `${mod}!${f.function} [${fileNameOf(f.file)} : ${f.line ?? 0} + ${hex((f.sourceOffset ?? 0n) - back)}]`;
    return `${mod}!${f.function} + ${hex((f.functionOffset ?? 0n) - back)}`;
  }
  if (mod !== undefined && f.moduleOffset !== undefined) return `${mod} + ${hex(f.moduleOffset - back)}`;
  return hex(f.instruction - back);
}

/** Frame lines (number and location) and Found-by lines of a snapshot, whitespace-normalised. */
function snapshotLines(name: string): string[] {
  const text = readFileSync(join(corpus, 'snapshots', name), 'utf8');
  return text
    .split('\n')
    .filter((l) => /^\s*\d+ {2}\S/.test(l) || /^\s+Found by: /.test(l))
    .map((l) => l.trim().replace(/^(\d+) {2}/, '$1 '));
}

for (const [snap, dump, withSymbols] of [
  ['test_minidump_stackwalk__human.snap', 'test.dmp', false],
  ['test_minidump_stackwalk__human-symbols.snap', 'test.dmp', true],
  ['test_minidump_stackwalk__linux_human.snap', 'linux-mini.dmp', false],
  ['test_minidump_stackwalk__macos_inlines_human.snap', 'pipeline-inlines-macos-segv.dmp', true],
] as const) {
  test(`every frame of ${snap}`, () => {
    const options: ReadOptions = withSymbols ? { symbols: createSymbolSupplier([join(corpus, 'symbols')]) } : {};
    const report = analyze(new BufferSource(new Uint8Array(readFileSync(join(corpus, dump)))), options);
    const want = snapshotLines(snap);
    const got = rustLines(report);
    let offsetOnly = 0;
    const diffs = want
      .map((w, i) => {
        const g = got[i] ?? '';
        if (g.startsWith(OFFSET_FROM_INLINE_BASE)) {
          offsetOnly++;
          return withoutOffset(g.slice(1)) === withoutOffset(w) ? null : `${i}: '${g.slice(1)}' want '${w}'`;
        }
        return g === w ? null : `${i}: '${g}' want '${w}'`;
      })
      .filter((d) => d !== null);
    console.log(`${snap}: ${want.length / 2} frames, ${diffs.length} differing lines, ${offsetOnly} frames with inlined calls compared without their source offset`);
    assert.deepEqual(diffs.slice(0, 10), []);
    assert.equal(got.length, want.length);
  });
}
