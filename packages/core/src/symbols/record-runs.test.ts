// The first pass steps over runs of well-formed records with regular expressions
// (record-runs.ts); read one line at a time instead, every file must give the same result: the
// same columns and spans, the same names, the same warnings on the same lines. Checked on every
// symbol file of the corpus, on damaged copies of them, and on edge cases written here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listCorpus, readCorpus } from '../testing/corpus.js';
import { parseSym, type ParsedSym } from './sym-parser.js';

const enc = new TextEncoder();

/** The parse as plain data: name tables read out, so that how their lines were found does not show. */
function view(p: ParsedSym): unknown {
  const names = (t: ParsedSym['files']) => {
    const out: [number, string | undefined][] = [];
    for (let id = 0; id < 64; id++) out.push([id, t.get(id)]);
    return { size: t.size, out, sparse: [t.get(900), t.get(123456)] };
  };
  return {
    ...p,
    data: undefined,
    files: names(p.files),
    inlineOrigins: names(p.inlineOrigins),
    stackWin: [p.stackWin.length, p.stackWin.find(0x1000), p.stackWin.find(0x2000)],
  };
}

function assertSame(bytes: Uint8Array, what: string): ParsedSym {
  const fast = parseSym(bytes);
  const slow = parseSym(bytes, { runs: false });
  assert.deepEqual(view(fast), view(slow), what);
  return fast;
}

test('runs and the per-line path agree on every symbol file of the corpus', () => {
  const files = listCorpus('minidump', (n) => n.endsWith('.sym') || /^module\d(_bad)?\.out$/.test(n));
  assert.ok(files.length >= 20);
  let inlines = 0;
  for (const rel of files) {
    const p = assertSame(readCorpus(rel), rel);
    if (p.inlineOrigins.size > 0) inlines++;
  }
  assert.ok(inlines >= 2, 'files with INLINE records were among them');
});

/** Deterministic damage: bytes replaced, removed or doubled at pseudo-random places. */
function damage(bytes: Uint8Array, seed: number, edits: number): Uint8Array {
  const pieces = [0x20, 0x09, 0x0d, 0x0a, 0x0a, 0x67, 0x46, 0x49, 0x30, 0x61, 0x5a, 0xc3, 0xff, 0x2d];
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const out = Array.from(bytes);
  for (let e = 0; e < edits; e++) {
    const at = next(out.length);
    const op = next(3);
    if (op === 0) out[at] = pieces[next(pieces.length)];
    else if (op === 1) out.splice(at, 1 + next(12));
    else out.splice(at, 0, ...out.slice(at, at + 1 + next(40)));
  }
  return Uint8Array.from(out);
}

test('runs and the per-line path agree on damaged files (warnings on the same lines)', () => {
  const sources = [
    'minidump/breakpad/symbols/linux_inline/BBA6FA10B8AAB33D00000000000000000/linux_inline.new.sym',
    'minidump/breakpad/symbols/linux_inline/BBA6FA10B8AAB33D00000000000000000/linux_inline.old.sym',
    'minidump/breakpad/symbols/ld-2.13.so/C32AD7E235EA6112E02A5B9D6219C4850/ld-2.13.so.sym',
    'minidump/breakpad/module1.out',
  ];
  const whole = readCorpus('minidump/rust-minidump/symbols/crash-client/509C0610949836F7B70BD88BCF03E5400/crash-client.sym');
  // A slice of crash-client.sym from one FUNC on: line and INLINE records, INLINE_ORIGINs, CFI.
  const funcAt = new TextDecoder().decode(whole.subarray(0, 2_000_000)).lastIndexOf('\nFUNC ') + 1;
  const slices = [whole.subarray(0, 60_000), whole.subarray(funcAt, funcAt + 60_000)];
  let warned = 0;
  for (const [i, bytes] of [...sources.map((s) => readCorpus(s)), ...slices].entries()) {
    for (let seed = 1; seed <= 12; seed++) {
      const p = assertSame(damage(bytes, seed * 7919 + i, 1 + (seed % 6) * 4), `source ${i} seed ${seed}`);
      if (p.warnings.length > 0) warned++;
    }
  }
  assert.ok(warned > 40, `most damaged copies raised warnings (${warned})`);
});

test('edge cases: CRLF, tabs, trailers, long fields, old INLINE layout, names, no final newline', () => {
  const cases = [
    'FUNC 1000 40 0 f\r\n1000 10 1 0\r\n1010 10 2 0 trailing comment\r\nINLINE 0 1 0 0 1000 8\r\nINLINE 0 1 0 0 1000 8 \r\n',
    'FUNC 1000 40 0 f\n1000\t10\t1\t0\n1010  10  2  0\t\nINLINE\t0 1 0 0\t1000 8\n1020 10 3 0\r\r\n1030 10 4 0',
    'FUNC 1000 40 0 f\n00000000000000001000 10 12 7\n1010 10 0000000000000000013 9\nffffffffffffffffff 1 1 1\n1020 10 1 1\n',
    'FUNC 1000 40 0 f\nINLINE 0 1 0 1000 8\nINLINE 1 2 1 1004 4 1008 2\n1000 10 1 0\nINLINE 0 1 0 0 1000 8\n',
    'INLINE_ORIGIN 0 a\nINLINE_ORIGIN 1 \nINLINE_ORIGIN 2 \tb c\r\nINLINE_ORIGIN 2 d\r\r\nINLINE_ORIGIN x e\nINLINE_ORIGINS 3 f\n FILE 4 g\nFILE 5 h\nFILE 6',
    'FUNC 1000 40 0 f\n1000 10 1 0\nFILE 1 a.c\nINLINE_ORIGIN 0 g\n1010 10 1 1\nINLINE 0 1 1 0 1010 8\nSTACK CFI INIT 1000 40 .cfa: $rsp 8 +\n1020 10 1 1\n',
    'FUNC zz 40 0 bad\n1000 10 1 0\nINLINE 0 1 0 0 1000 8\nFUNC 2000 40 0 g\n2000 10 1 0\n',
    '1000 10 1 0\nINLINE 0 1 0 0 1000 8\nFUNC 1000 40 0 f\n\n\n1000 10 1 0\n \n1010 10 1 0\n',
    '\ufeffFUNC 1000 40 0 f\n1000 10 1 0\nFILE 0 \u00e9t\u00e9.c\n1010 10 1 0 caf\u00e9\n',
    'FUNC 1000 40 0 f\nINLINE 0 1 0 0 1000\nINLINE 0 1 0 0 1000 8 9\nINLINE 0 1 0\nINLINE 0 1 0 0 1000 g\nINLINE 0 1 0 0 1000 8\n',
    'FUNC 1000 10 0 \nFUNC 1000 10 0\nFUNC m 1000 10 0 \r\nFUNC m m 1 2 3 x\nFUNC 1010 10 0 m\nFUNCTION 1 2 3 x\nFUNC\tm\t1020 10 0\tg h\r\n1020 4 1 0\n',
    'FUNC 10000000000000000 1 0 big\nFUNC 1000 10 0 \rname\nFUNC 1000 10 0 ok\r\r\n1000 4 1 0\n',
    'STACK CFI INIT 1000 10 \nSTACK CFI INIT 1000 10\nSTACK  CFI\tINIT 1000 10 .cfa: $rsp 8 +\r\nSTACK CFI 1004 .cfa: $rsp 16 +\nSTACK CFI INITS 1 2 x\n',
  ];
  for (const [i, text] of cases.entries()) assertSame(enc.encode(text), `case ${i}`);
  // Bytes that are not UTF-8 (read through the one-character-per-byte decoding).
  const latin = Uint8Array.from([...enc.encode('FUNC 1000 40 0 f\n1000 10 1 0\nFILE 0 '), 0xe9, 0x2e, 0x63, 0x0a, ...enc.encode('1010 10 1 0\n')]);
  assertSame(latin, 'latin-1 bytes');
});
