// rust-minidump's minidump-stackwalk --json snapshots matched frame for frame, inlines included,
// with the same symbols: every thread, every frame field the schema defines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, BufferSource, type ReadOptions } from '@culprit/core';
import { createSymbolSupplier } from '@culprit/core/node';
import { minidumpStackwalkJson } from './minidump-stackwalk.js';

const corpus = join(import.meta.dirname, '../../../../../../shared/corpus/minidump/rust-minidump');
const FRAME_FIELDS = ['file', 'frame', 'function', 'function_offset', 'inlines', 'line', 'missing_symbols', 'module', 'module_offset', 'offset', 'trust', 'unloaded_modules'];

function snapshot(name: string): any {
  const text = readFileSync(join(corpus, 'snapshots', name), 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n{') + 1));
}

function ours(dump: string, withSymbols: boolean): any {
  const options: ReadOptions = withSymbols ? { symbols: createSymbolSupplier([join(corpus, 'symbols')]) } : {};
  const report = analyze(new BufferSource(new Uint8Array(readFileSync(join(corpus, dump)))), options);
  return JSON.parse(JSON.stringify(minidumpStackwalkJson(report), (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
}

for (const [snap, dump, withSymbols] of [
  ['test_minidump_stackwalk__json-pretty.snap', 'test.dmp', false],
  ['test_minidump_stackwalk__json-pretty-symbols.snap', 'test.dmp', true],
  ['test_minidump_stackwalk__linux_json_pretty.snap', 'linux-mini.dmp', false],
  ['test_minidump_stackwalk__macos_inlines_json_pretty.snap', 'pipeline-inlines-macos-segv.dmp', true],
] as const) {
  test(`every frame of ${snap} (${dump}${withSymbols ? ', with symbols' : ''})`, () => {
    const want = snapshot(snap);
    const got = ours(dump, withSymbols);
    let frames = 0;
    const diffs: string[] = [];
    assert.equal(got.threads.length, want.threads.length);
    want.threads.forEach((wt: any, ti: number) => {
      const gt = got.threads[ti];
      if (gt.frames.length !== wt.frames.length) diffs.push(`thread ${ti}: ${gt.frames.length} frames, want ${wt.frames.length}`);
      wt.frames.forEach((wf: any, fi: number) => {
        frames++;
        const gf = gt.frames[fi] ?? {};
        for (const k of FRAME_FIELDS) {
          if (JSON.stringify(gf[k]) !== JSON.stringify(wf[k])) diffs.push(`thread ${ti} frame ${fi} ${k}: ${JSON.stringify(gf[k])} want ${JSON.stringify(wf[k])}`);
        }
      });
    });
    for (const [i, wm] of want.modules.entries()) {
      for (const k of ['loaded_symbols', 'missing_symbols', 'corrupt_symbols']) {
        if (got.modules[i][k] !== wm[k]) diffs.push(`module ${wm.filename} ${k}: ${got.modules[i][k]} want ${wm[k]}`);
      }
    }
    console.log(`${snap}: ${frames} frames, ${diffs.length} differences`);
    assert.deepEqual(diffs.slice(0, 20), []);
  });
}
