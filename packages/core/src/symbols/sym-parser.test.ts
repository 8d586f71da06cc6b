// The .sym parser against Breakpad's own test symbol files (src/processor/testdata module*.out)
// and the store's real files. Expectations come from reading the files' text and from
// Breakpad's basic_source_line_resolver_unittest (TestLoadAndResolve, TestInvalidLoads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus, listCorpus } from '../testing/corpus.js';
import { parseSymbolFile } from './symbol-file.js';

const enc = new TextEncoder();
const sym = (text: string) => parseSymbolFile(enc.encode(text));
const breakpad = (name: string) => parseSymbolFile(readCorpus('minidump/breakpad', name));

test('module1.out: MODULE, INFO, FUNC m, PUBLIC m, zero-size FUNC ignored', () => {
  const f = breakpad('module1.out');
  assert.deepEqual(f.module, { os: 'windows', arch: 'x86', id: '111111111111111111111111111111111', name: 'module1.pdb' });
  assert.equal(f.info.get('CODE_ID'), 'FFFFFFFF module1.exe');
  assert.equal(f.warnings.length, 0);
  assert.equal(f.stats.functions, 6);
  assert.equal(f.stats.publics, 1);
  assert.equal(f.stats.cfiRanges, 1);
  assert.equal(f.stats.stackWin, 4);

  const a = f.lookup(0x1000);
  assert.equal(a.function?.name, 'Function1_1');
  assert.equal(a.function?.multiple, true);
  assert.equal(a.function?.parameterSize, 0);
  assert.deepEqual(a.line, { address: 0x1000, size: 4, file: 'file1_1.cc', line: 44 });
  assert.equal(f.lookup(0x800).function, undefined);
  assert.equal(f.lookup(0x800).public, undefined);
  // FUNC 1200 100 8 Function1_3 has no line records.
  const b = f.lookup(0x1280);
  assert.equal(b.function?.name, 'Function1_3');
  assert.equal(b.function?.parameterSize, 8);
  assert.equal(b.line, undefined);
  assert.equal(f.lookup(0x1380).function?.name, 'Function1_4');
  // FUNC 2000 0 0 Test_Zero_Size_Function_Is_Ignored
  assert.equal(f.lookup(0x2000).function, undefined);
  const p = f.lookup(0x2900);
  assert.equal(p.function, undefined);
  assert.deepEqual(p.public, { name: 'PublicSymbol', address: 0x2800, parameterSize: 0, multiple: true });
  const large = f.lookup(0x4000);
  assert.equal(large.function?.name, 'LargeFunction');
  assert.equal(large.line?.line, 4098359);
});

test('module2.out: PUBLIC only when no FUNC lies between it and the address', () => {
  const f = breakpad('module2.out');
  const a = f.lookup(0x2181);
  assert.equal(a.function?.name, 'Function2_2');
  assert.equal(a.function?.address, 0x2170);
  assert.deepEqual(a.line, { address: 0x2180, size: 4, file: 'file2_2.cc', line: 21 });
  assert.equal(f.lookup(0x216f).public?.name, 'Public2_1');
  // Past Function2_2 (2170+14): PUBLIC 2160 is below that FUNC, so Breakpad gives nothing.
  const gap = f.lookup(0x219f);
  assert.equal(gap.function, undefined);
  assert.equal(gap.public, undefined);
  assert.equal(f.lookup(0x21a0).public?.name, 'Public2_2');
  // Line records of Function2_1 lie outside its range: they never apply.
  assert.equal(f.lookup(0x1000).line, undefined);
});

test('module3_bad.out and module4_bad.out load with warnings naming the bad lines', () => {
  const three = breakpad('module3_bad.out');
  assert.equal(three.module?.name, 'module3.pdb');
  assert.equal(three.warnings.length, 1);
  assert.equal(three.warnings[0].line, 3);
  assert.equal(three.warnings[0].part, 'FUNC');
  assert.equal(three.stats.files, 1);

  const four = breakpad('module4_bad.out');
  assert.deepEqual(four.warnings.map((w) => w.line), [4, 5]);
  assert.ok(four.warnings.every((w) => /before any FUNC/.test(w.message)));
  assert.equal(four.stats.files, 2);
});

test('malformed fields are warnings, never exceptions (Breakpad ParseLineInvalid etc.)', () => {
  const text = [
    'MODULE Linux x86 ffff0000 bar',
    'FILE x1 file name',
    'FILE 1 ',
    'FUNC 1z 2 3 function name',
    'FUNC 1000 30 10 good func',
    '1000 10 7 53',
    '1010 10 -1 53',
    '1020 z2 3 4',
    '1030 2 3',
    'PUBLIC 1 -5 3',
    'PUBLIC 123123123123123123123123 2 3',
    'STACK WIN 4 1000 10',
    'STACK CFI 2000 .cfa: $esp 4 +',
    'STACK CFI INIT 1000',
    'BOGUS record',
    'FILE 53 bar.c',
    'INLINE 0 1 2',
  ].join('\n');
  const f = sym(text);
  assert.deepEqual(
    f.warnings.map((w) => w.line),
    [2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17],
  );
  assert.equal(f.stats.functions, 1);
  const a = f.lookup(0x1005);
  assert.equal(a.function?.name, 'good func');
  assert.deepEqual(a.line, { address: 0x1000, size: 0x10, file: 'bar.c', line: 7 });
  assert.equal(f.lookup(0x1015).line, undefined);
});

test('CRLF line ends, a BOM and a missing final newline read the same as LF', () => {
  const lf = 'MODULE Linux x86 ffff0000 bar\nFILE 53 bar.c\nPUBLIC 1234 10 some public\nFUNC 1000 30 10 another func\n1000 30 7 53\n';
  const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n').trimEnd();
  for (const f of [sym(lf), sym(crlf)]) {
    assert.equal(f.warnings.length, 0);
    assert.equal(f.module?.name, 'bar');
    const a = f.lookup(0x1001);
    assert.equal(a.function?.name, 'another func');
    assert.equal(a.line?.file, 'bar.c');
    assert.equal(f.lookup(0x1234).public?.name, 'some public');
  }
});

test('every .sym file of the corpus parses without warnings', () => {
  const files = listCorpus('minidump', (n) => n.endsWith('.sym'));
  assert.ok(files.length >= 16);
  for (const rel of files) {
    const f = parseSymbolFile(readCorpus(rel));
    assert.deepEqual(f.warnings, [], rel);
    assert.ok(f.module, rel);
    assert.ok(f.stats.functions + f.stats.publics > 0, rel);
  }
});

test('test_app.sym counts match the text (1065 FUNC, 5 PUBLIC, STACK WIN 4 and 0)', () => {
  const f = parseSymbolFile(readCorpus('minidump/rust-minidump/symbols/test_app.pdb/5A9832E5287241C1838ED98914E9B7FF1/test_app.sym'));
  assert.equal(f.stats.functions, 1065);
  assert.equal(f.stats.publics, 5);
  // rust-minidump's sym_file tests: vswprintf covers 0x1000..0x1012.
  assert.equal(f.lookup(0x1000).function?.name, 'vswprintf');
  assert.equal(f.lookup(0x1012).function?.name, 'vswprintf');
  assert.notEqual(f.lookup(0x1013).function?.name, 'vswprintf');
  const a = f.lookup(0x1010);
  assert.equal(a.line?.file, 'c:\\program files\\microsoft visual studio 8\\vc\\include\\swprintf.inl');
  assert.equal(a.line?.line, 51);
});

test('hostile input: binary junk, a file cut mid-line, absurd addresses never throw', () => {
  const junk = new Uint8Array(4096);
  let x = 12345;
  for (let i = 0; i < junk.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    junk[i] = i % 40 === 39 ? 0x0a : (x >> 16) & 0xff;
  }
  const j = parseSymbolFile(junk);
  assert.ok(j.stats.lines > 100);
  assert.ok(j.warnings.length > 0);
  assert.ok(j.warnings.length <= 101, 'warnings are capped');
  assert.deepEqual(j.lookup(0x1000).inlines, []);

  const full = readCorpus('minidump/rust-minidump/symbols/crash-client/509C0610949836F7B70BD88BCF03E5400/crash-client.sym');
  const cut = parseSymbolFile(full.subarray(0, 3_000_003));
  assert.ok(cut.stats.functions > 0);
  assert.ok(cut.warnings.length <= 1);

  const f = sym('FUNC 1000 10 0 f\n1000 10 1 0\nSTACK CFI INIT 1000 10 .cfa: $esp 4 + .ra: .cfa 4 - ^\n');
  for (const a of [-1, Number.NaN, Infinity, 2 ** 60, -5n, 2n ** 64n]) {
    assert.deepEqual(f.lookup(a), { inlines: [] });
    assert.equal(f.findCfiRules(a), undefined);
    assert.equal(f.findStackWin(a), undefined);
  }
  assert.equal(f.lookup(0x1000n).function?.name, 'f');
});

test('names decoded on demand: UTF-8, repeated and sparse FILE/INLINE_ORIGIN ids, long zero-padded fields', () => {
  const text = [
    'MODULE Linux x86_64 ffff0000 bär',
    'FILE 7 first.c',
    'FILE 7 dür.c', // a repeated id takes its last record (Breakpad's map insert-or-assign)
    'FILE 900 other.c',
    'INLINE_ORIGIN 3 inlined_ü',
    'INLINE_ORIGIN 1 unused',
    '  FUNC 1000 40 0 fünc', // leading spaces before a keyword are accepted
    '00000000000000001000 10 12 7', // 20 hex digits, value far below 2^53: valid
    '1010 10 000000000000000000013 900',
    'INLINE 0 5 900 3 1000 8',
    'ffffffffffffffffff 1 1 1', // beyond 2^53: malformed
  ].join('\n');
  const f = sym(text);
  assert.deepEqual(f.warnings.map((w) => w.line), [11]);
  assert.equal(f.module?.name, 'bär');
  assert.equal(f.stats.files, 2);
  assert.equal(f.stats.inlineOrigins, 2);
  const a = f.lookup(0x1004);
  assert.equal(a.function?.name, 'fünc');
  assert.deepEqual(a.line, { address: 0x1000, size: 0x10, file: 'dür.c', line: 12 });
  assert.deepEqual(a.inlines, [{ name: 'inlined_ü', depth: 0, file: 'dür.c', line: 12 }]);
  assert.deepEqual(a.position, { file: 'other.c', line: 5 });
  assert.deepEqual(f.lookup(0x1012).line, { address: 0x1010, size: 0x10, file: 'other.c', line: 13 });
});
