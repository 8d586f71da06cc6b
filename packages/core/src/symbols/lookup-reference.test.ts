// Address lookups checked against what the reference tools printed for real dumps:
// - Breakpad minidump_stackwalk (reference/breakpad/**/*.txt for each frame's pc register,
//   the matching .m.txt line for function | file | line | offset);
// - rust-minidump's minidump-stackwalk --json snapshots (module_offset, function,
//   function_offset, file, line and inline frames).
// The frames' module offsets come from the outputs; the symbols are looked up here and must
// give the same names and positions. Caller frames are looked up at pc - 1 (inside the call
// instruction), as both tools do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, corpusRoot, listCorpus } from '../testing/corpus.js';
import { parseSymbolFile } from './symbol-file.js';
import type { SymbolFile } from './types.js';

const loaded = new Map<string, SymbolFile | null>();
function symbolsFor(roots: string[], debugFile: string, debugId: string): SymbolFile | null {
  const leaf = debugFile.replace(/\.pdb$/i, '');
  for (const root of roots) {
    const p = join(corpusRoot, root, debugFile, debugId, `${leaf}.sym`);
    if (!loaded.has(p)) loaded.set(p, existsSync(p) ? parseSymbolFile(new Uint8Array(readFileSync(p))) : null);
    const f = loaded.get(p);
    if (f) return f;
  }
  return null;
}

const basename = (p: string) => p.split(/[\\/]/).pop() ?? p;

interface RefFrame {
  module: string;
  func: string;
  file: string;
  line: string;
  offset: string;
  pc?: bigint;
}

/** Frames of every thread: .m.txt fields plus the pc register from the human .txt. */
function referenceThreads(base: string): RefFrame[][] {
  const m = readFileSync(corpusPath(`${base}.m.txt`), 'utf8').split('\n');
  const threads: RefFrame[][] = [];
  for (const line of m) {
    const f = line.split('|');
    if (f.length !== 7 || !/^\d+$/.test(f[0])) continue;
    const t = Number(f[0]);
    (threads[t] ??= []).push({ module: f[2], func: f[3], file: f[4], line: f[5], offset: f[6] });
  }
  let thread = -1;
  let frame = -1;
  for (const line of readFileSync(corpusPath(`${base}.txt`), 'utf8').split('\n')) {
    const th = /^Thread (\d+)/.exec(line);
    if (th) {
      thread = Number(th[1]);
      frame = -1;
      continue;
    }
    const fr = /^ ?(\d+) {2}\S/.exec(line);
    if (fr && thread >= 0) {
      frame = Number(fr[1]);
      continue;
    }
    const pc = /\b(?:eip|rip|pc) = (0x[0-9a-f]+)/.exec(line);
    const target = threads[thread]?.[frame];
    if (pc && target && target.pc === undefined) target.pc = BigInt(pc[1]);
  }
  return threads;
}

function moduleTable(base: string): Map<string, { debugFile: string; debugId: string; base: bigint }> {
  const out = new Map<string, { debugFile: string; debugId: string; base: bigint }>();
  for (const line of readFileSync(corpusPath(`${base}.m.txt`), 'utf8').split('\n')) {
    const f = line.split('|');
    if (f[0] === 'Module') out.set(f[1], { debugFile: f[3], debugId: f[4], base: BigInt(f[5]) });
  }
  return out;
}

test('Breakpad reference frames: function, file, line and offset match our lookups', (t) => {
  const sets: [string, string[]][] = [
    ['breakpad', ['minidump/breakpad/symbols', 'minidump/breakpad/symbols/microdump']],
    ['rust-minidump', ['minidump/rust-minidump/symbols']],
  ];
  let checked = 0;
  let inlineChecked = 0;
  for (const [dir, roots] of sets) {
    for (const rel of listCorpus(`reference/breakpad/minidump/${dir}`, (n) => n.endsWith('.m.txt'))) {
      const base = rel.slice(0, -'.m.txt'.length);
      const modules = moduleTable(base);
      // Breakpad looks a caller up inside its call instruction: pc - 1 on x86, pc - 2 on ARM
      // (Thumb return addresses carry bit 0), pc - 4 on ARM64.
      const cpu = /^CPU: (\S+)/m.exec(readFileSync(corpusPath(`${base}.txt`), 'utf8'))?.[1];
      const callerAdjust = cpu === 'arm' ? 2 : cpu === 'arm64' ? 4 : 1;
      for (const frames of referenceThreads(base)) {
        if (!frames) continue;
        // Inline frames carry no registers; they belong to the next physical frame.
        let pendingInlines: RefFrame[] = [];
        frames.forEach((fr, index) => {
          if (fr.pc === undefined) {
            pendingInlines.push(fr);
            return;
          }
          const inlines = pendingInlines;
          pendingInlines = [];
          const mod = modules.get(fr.module);
          if (!fr.func || !mod) return;
          const symbols = symbolsFor(roots, mod.debugFile, mod.debugId);
          if (!symbols) return;
          const isCaller = index - inlines.length > 0;
          const pcOffset = Number(fr.pc - mod.base);
          const lookupAt = pcOffset - (isCaller ? callerAdjust : 0);
          const at = symbols.lookup(lookupAt);
          // Offsets print from the return address on x86/amd64 (StackFrameX86/AMD64 override
          // ReturnAddress) but from the looked-up instruction on ARM.
          const printedAt = cpu?.startsWith('arm') ? lookupAt : pcOffset;
          const where = `${rel} ${fr.module}!${fr.func} pc offset 0x${pcOffset.toString(16)}`;
          const name = at.function?.name ?? at.public?.name;
          assert.equal(name, fr.func, where);
          assert.deepEqual(
            at.inlines.map((i) => [i.name, i.file, String(i.line)]),
            inlines.map((i) => [i.func, i.file, i.line]),
            where,
          );
          inlineChecked += inlines.length;
          if (fr.file) {
            assert.equal(at.position?.file, fr.file, where);
            assert.equal(String(at.position?.line), fr.line, where);
            if (inlines.length === 0) assert.equal(`0x${(printedAt - at.line!.address).toString(16)}`, fr.offset, where);
          } else {
            const startAddress = at.function?.address ?? at.public!.address;
            assert.equal(`0x${(printedAt - startAddress).toString(16)}`, fr.offset, where);
          }
          checked++;
        });
      }
    }
  }
  t.diagnostic(`${checked} symbolicated frames, ${inlineChecked} inline frames checked`);
  // Symbolicated frames across the reference outputs (a floor, so a lost file shows up).
  assert.ok(checked >= 90, `checked ${checked} frames`);
  assert.ok(inlineChecked >= 100, `checked ${inlineChecked} inline frames`);
});

test('rust-minidump JSON snapshots: functions, lines and inline frames by module offset', (t) => {
  let checked = 0;
  for (const name of ['test_minidump_stackwalk__json-pretty-symbols.snap', 'test_minidump_stackwalk__macos_inlines_json_pretty.snap']) {
    const text = readFileSync(corpusPath('minidump/rust-minidump/snapshots', name), 'utf8');
    const json = JSON.parse(text.slice(text.indexOf('\n{') + 1));
    const modules = new Map<string, { debug_file: string; debug_id: string }>();
    for (const m of json.modules) modules.set(m.filename, m);
    for (const thread of json.threads) {
      for (const fr of thread.frames) {
        const mod = modules.get(fr.module);
        if (!fr.function || !mod) continue;
        const symbols = symbolsFor(['minidump/rust-minidump/symbols'], mod.debug_file, mod.debug_id);
        if (!symbols) continue;
        const offset = Number(BigInt(fr.module_offset));
        const at = symbols.lookup(offset - (fr.trust === 'context' ? 0 : 1));
        const where = `${name} frame ${fr.frame} ${fr.function}`;
        assert.equal(at.function?.name ?? at.public?.name, fr.function, where);
        const start = at.function?.address ?? at.public!.address;
        assert.equal(BigInt(offset - start), BigInt(fr.function_offset), where);
        assert.equal(at.position?.file ?? null, fr.file ?? null, where);
        assert.equal(at.position?.line ?? null, fr.line ?? null, where);
        assert.deepEqual(
          at.inlines.map((i) => ({ file: i.file, function: i.name, line: i.line })),
          fr.inlines ?? [],
          where,
        );
        checked++;
      }
    }
  }
  t.diagnostic(`${checked} frames checked`);
  assert.ok(checked >= 45, `checked ${checked} frames`);
});

test('linux_inline: new and old INLINE layouts give the same inline chain', () => {
  const dir = 'minidump/breakpad/symbols/linux_inline/BBA6FA10B8AAB33D00000000000000000';
  const neu = parseSymbolFile(new Uint8Array(readFileSync(corpusPath(dir, 'linux_inline.new.sym'))));
  const old = parseSymbolFile(new Uint8Array(readFileSync(corpusPath(dir, 'linux_inline.old.sym'))));
  // 0x15b83 lies in all three INLINE ranges (INLINE <depth> <call line> <call file> <origin>):
  // depth 0 origin 1 foo() called at a.cpp:42, depth 1 origin 0 bar() called at b.cpp:39,
  // depth 2 origin 2 func() called at c.cpp:32; line record `15b83 a 9 0`.
  const a = neu.lookup(0x15b83);
  assert.equal(a.function?.name, 'main');
  assert.deepEqual(a.inlines, [
    { name: 'func()', depth: 2, file: 'linux_inline.cpp', line: 9 },
    { name: 'bar()', depth: 1, file: 'c.cpp', line: 32 },
    { name: 'foo()', depth: 0, file: 'b.cpp', line: 39 },
  ]);
  assert.deepEqual(a.position, { file: 'a.cpp', line: 42 });
  // The old layout has no call-site files: same chain and lines, files unknown.
  const b = old.lookup(0x15b83);
  assert.deepEqual(b.inlines.map((i) => [i.name, i.line]), [['func()', 9], ['bar()', 32], ['foo()', 39]]);
  assert.equal(b.position?.line, 42);
  // Before the first inline range only the function itself, at its own line record.
  const c = neu.lookup(0x15b30);
  assert.deepEqual(c.inlines, []);
  assert.deepEqual(c.position, { file: 'linux_inline.cpp', line: 41 });
});
