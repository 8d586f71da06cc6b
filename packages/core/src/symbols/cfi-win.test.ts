// CFI rule assembly, STACK WIN lookup, and the postfix evaluator. The CFI scenario is Breakpad's
// basic_source_line_resolver_unittest (TestLoadAndResolve) on module1.out: the same callee
// registers and the same mock memory must recover the same caller registers at every row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCorpus } from '../testing/corpus.js';
import { parseSymbolFile } from './symbol-file.js';
import { evaluateCfiRules } from './cfi-eval.js';
import { evaluateExpression, runProgram, type MemoryReader } from './postfix.js';
import { STACK_WIN_FPO, STACK_WIN_FRAME_DATA } from './types.js';

const module1 = () => parseSymbolFile(readCorpus('minidump/breakpad', 'module1.out'));

/** Breakpad's MockMemoryRegion: a few saved words, junk elsewhere, 64-bit reads echo the address. */
const mockMemory: MemoryReader = {
  readU32(addr) {
    const words: Record<string, number> = {
      '65544': 0x98ecadc3, // 0x10008 saved %ebx
      '65548': 0x878f7524, // 0x1000c saved %esi
      '65552': 0x6312f9a5, // 0x10010 saved %edi
      '65556': 0x10038, // 0x10014 caller's %ebp
      '65560': 0xf6438648, // 0x10018 return address
    };
    return words[addr.toString()] ?? 0xdeadbeef;
  },
  readU64(addr) {
    return addr;
  },
};

test('STACK CFI: INIT rules plus the delta rows up to the address', () => {
  const f = module1();
  assert.equal(f.findCfiRules(0x3d3f), undefined);
  assert.equal(f.findCfiRules(0x3e9f), undefined);
  const atInit = f.findCfiRules(0x3d40)!;
  assert.equal(atInit.initAddress, 0x3d40);
  assert.equal(atInit.initSize, 0xaf);
  assert.deepEqual([...atInit.rules], [['.cfa', '$esp 4 +'], ['.ra', '.cfa 4 - ^']]);
  const later = f.findCfiRules(0x3d60)!;
  assert.deepEqual(Object.fromEntries(later.rules), {
    '.cfa': '$ebp 8 +',
    '.ra': '.cfa 4 - ^',
    $ebp: '.cfa 8 - ^',
    $ebx: '.cfa 20 - ^',
    $esi: '.cfa 16 - ^',
  });
  assert.equal(f.findCfiRules(0x3d84)!.rules.get('$edi'), '.cfa 12 - ^');
  assert.equal(f.findCfiRules(0x3d83)!.rules.get('$edi'), undefined);
});

test('STACK CFI: rule sets kept per address answer again exactly as when first assembled', () => {
  const f = module1();
  const first = [0x3d3f, 0x3d40, 0x3d60, 0x3d83, 0x3d84, 0x3e9f, 0n + 0x3d84n].map((a) => f.findCfiRules(a));
  // Asked again, in another order (a bigint address is the same key as its number).
  const again = [0x3d84, 0x3d83, 0x3d60, 0x3d40, 0x3d3f, 0x3e9f, 0x3d84].map((a) => f.findCfiRules(a));
  assert.deepEqual(again.map((r) => r && Object.fromEntries(r.rules)), [4, 3, 2, 1, 0, 5, 6].map((i) => first[i] && Object.fromEntries(first[i]!.rules)));
  assert.equal(first[3]!.rules.get('$edi'), undefined, 'the row at 0x3d84 does not leak into 0x3d83');
  assert.equal(again[0]!.rules.get('$edi'), '.cfa 12 - ^');
});

test('CFI evaluation recovers Breakpad\'s expected caller registers at every row', () => {
  const f = module1();
  const expected = new Map<string, bigint>([
    ['.cfa', 0x1001cn], ['.ra', 0xf6438648n], ['$ebp', 0x10038n],
    ['$ebx', 0x98ecadc3n], ['$esi', 0x878f7524n], ['$edi', 0x6312f9a5n],
  ]);
  const regs = new Map<string, bigint>([
    ['$esp', 0x10018n], ['$ebp', 0x10038n], ['$ebx', 0x98ecadc3n], ['$esi', 0x878f7524n], ['$edi', 0x6312f9a5n],
  ]);
  // The callee's registers change as the function runs; the caller's must not.
  const steps: [number, [string, bigint][]][] = [
    [0x3d40, []],
    [0x3d41, [['$esp', 0x10014n]]],
    [0x3d43, [['$ebp', 0x10014n]]],
    [0x3d54, [['$ebx', 0x6864f054n]]],
    [0x3d5a, [['$esi', 0x6285f79an]]],
    [0x3d84, [['$edi', 0x64061449n]]],
  ];
  for (const [address, changes] of steps) {
    for (const [r, v] of changes) regs.set(r, v);
    const rules = f.findCfiRules(address)!;
    const got = evaluateCfiRules(rules.rules, regs, mockMemory, { addressSize: 4 });
    assert.ok(got.ok, `0x${address.toString(16)}`);
    assert.equal(got.value.cfa, expected.get('.cfa'));
    assert.equal(got.value.ra, expected.get('.ra'));
    for (const [r, v] of got.value.registers) assert.equal(v, expected.get(r), `${r} at 0x${address.toString(16)}`);
    assert.deepEqual(got.value.failed, []);
  }
});

test('CFI evaluation: missing .ra, unreadable memory and .undef', () => {
  const mem: MemoryReader = { readU32: () => null, readU64: () => null };
  const regs = new Map([['$esp', 0x1000n]]);
  assert.equal(evaluateCfiRules(new Map([['.cfa', '$esp 4 +']]), regs, mem, { addressSize: 4 }).ok, false);
  const bad = evaluateCfiRules(new Map([['.cfa', '$esp 4 +'], ['.ra', '.cfa 4 - ^']]), regs, mem, { addressSize: 4 });
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.error : '', /not in the dump/);
  const partial = evaluateCfiRules(
    new Map([['.cfa', '$esp 4 +'], ['.ra', '$esp'], ['$ebx', '.undef'], ['$esi', '.cfa 8 - ^']]),
    regs,
    mem,
    { addressSize: 4 },
  );
  assert.ok(partial.ok);
  assert.equal(partial.value.cfa, 0x1004n);
  assert.equal(partial.value.ra, 0x1000n);
  assert.equal(partial.value.registers.size, 0);
  assert.deepEqual(partial.value.failed.map((x) => x.register), ['$esi']);
});

test('ARM64 and amd64 rules from real files: bare register names and negative literals', () => {
  const mem: MemoryReader = { readU32: () => null, readU64: (a) => a + 1n };
  const vars = new Map([['sp', 0x7ff0n], ['x30', 0x1234n], ['$rbp', 0x8000n]]);
  const arm = evaluateCfiRules(new Map([['.cfa', 'sp 0 +'], ['.ra', 'x30']]), vars, mem, { addressSize: 8 });
  assert.ok(arm.ok);
  assert.equal(arm.value.cfa, 0x7ff0n);
  assert.equal(arm.value.ra, 0x1234n);
  const amd = evaluateCfiRules(new Map([['.cfa', '$rbp 16 +'], ['.ra', '.cfa -8 + ^'], ['$rbp', '.cfa -16 + ^']]), vars, mem, { addressSize: 8 });
  assert.ok(amd.ok);
  assert.equal(amd.value.cfa, 0x8010n);
  assert.equal(amd.value.ra, 0x8009n);
  assert.equal(amd.value.registers.get('$rbp'), 0x8001n);
});

test('STACK WIN: FrameData preferred, innermost of nested ranges, FUNC-only addresses have none', () => {
  const f = module1();
  const a = f.findStackWin(0x1000)!;
  assert.equal(a.type, STACK_WIN_FRAME_DATA);
  assert.equal(a.allocatesBasePointer, false);
  assert.equal(a.program, '$eip 4 + ^ = $esp $ebp 8 + = $ebp $ebp ^ =');
  assert.equal(a.parameterSize, 0);
  // STACK WIN 4 1100 8 and 1100 100 nest: the smaller one covers 0x1104, the larger 0x1180.
  assert.equal(f.findStackWin(0x1104)!.size, 8);
  assert.equal(f.findStackWin(0x1180)!.size, 0x100);
  assert.equal(f.findStackWin(0x1280), undefined);
  assert.equal(f.findStackWin(0x1380)!.type, STACK_WIN_FRAME_DATA);
  assert.equal(f.findStackWin(0x2000), undefined);
  assert.equal(f.findStackWin(0x800), undefined);

  const module2 = parseSymbolFile(readCorpus('minidump/breakpad', 'module2.out'));
  assert.equal(module2.findStackWin(0x2181)!.prologSize, 1);

  // kernel32.sym: at 0x1782a `STACK WIN 4 17826 35`, `STACK WIN 0 17826 35` and the enclosing
  // `STACK WIN 4 177c7 96` all apply: the innermost FrameData record wins.
  const k32 = parseSymbolFile(readCorpus('minidump/breakpad/symbols/kernel32.pdb/BCE8785C57B44245A669896B6A19B9542/kernel32.sym'));
  const both = k32.findStackWin(0x1782a)!;
  assert.equal(both.type, STACK_WIN_FRAME_DATA);
  assert.equal(both.address, 0x17826);
  assert.match(both.program ?? '', /^\$T2 \$esp \.cbLocals/);
  // `STACK WIN 0 97b6 f` has no FrameData record around it: the FPO record, with its flag.
  const fpo = k32.findStackWin(0x97b6)!;
  assert.equal(fpo.type, STACK_WIN_FPO);
  assert.equal(fpo.address, 0x97b6);
  assert.equal(fpo.program, undefined);
  assert.equal(fpo.allocatesBasePointer, false);
});

test('postfix: operators, wrapping, alignment, literals', () => {
  const mem: MemoryReader = { readU32: (a) => Number(a & 0xffn), readU64: () => null };
  const vars = new Map([['$esp', 0x100n], ['.cfa', 0x10n]]);
  const ev = (e: string, size: 4 | 8 = 4) => {
    const r = evaluateExpression(e, vars, mem, { addressSize: size });
    return r.ok ? r.value : r.error;
  };
  assert.equal(ev('$esp 4 +'), 0x104n);
  assert.equal(ev('$esp 0x10 -'), 0xf0n);
  assert.equal(ev('3 4 * 5 +'), 17n);
  assert.equal(ev('17 5 /'), 3n);
  assert.equal(ev('17 5 %'), 2n);
  assert.equal(ev('0x1237 16 @'), 0x1230n);
  assert.equal(ev('0 4 -'), 0xfffffffcn);
  assert.equal(ev('0 4 -', 8), 0xfffffffffffffffcn);
  assert.equal(ev('.cfa -8 +'), 0x8n);
  assert.equal(ev('$esp 1 + ^'), 0x01n);
  assert.match(String(ev('1 0 /')), /division by zero/);
  assert.match(String(ev('$eax 1 +')), /\$eax has no value/);
  assert.match(String(ev('1 +')), /operand/);
  assert.match(String(ev('1 2')), /leaves 2 values/);
  assert.match(String(ev('')), /empty/);
  assert.match(String(ev('$x 1 =')), /assignment/);
  assert.match(String(ev(Array(200).fill('1').join(' '))), /too deep/);
});

test('STACK WIN programs: assignments, .raSearchStart, malformed programs as values', () => {
  const stack = new Map<bigint, number>([[0x1004n, 0x401234], [0x1000n, 0x2000], [0x3000n, 0x405678]]);
  const mem: MemoryReader = { readU32: (a) => stack.get(a) ?? null, readU64: () => null };
  // The most common FrameData program in test_app.sym (ebp-based frame).
  const r = runProgram(
    '$T0 $ebp = $eip $T0 4 + ^ = $ebp $T0 ^ = $esp $T0 8 + = $L $T0 .cbSavedRegs - = $P $T0 8 + .cbParams + =',
    new Map([['$ebp', 0x1000n], ['$esp', 0xf00n], ['.cbSavedRegs', 8n], ['.cbParams', 4n]]),
    mem,
  );
  assert.ok(r.ok);
  assert.equal(r.value.get('$eip'), 0x401234n);
  assert.equal(r.value.get('$ebp'), 0x2000n);
  assert.equal(r.value.get('$esp'), 0x1008n);
  assert.equal(r.value.get('$L'), 0xff8n);
  assert.equal(r.value.get('$P'), 0x100cn);
  // The second most common: return address found from .raSearchStart.
  const s = runProgram(
    '$T2 $esp .cbLocals + .cbSavedRegs + = $T0 .raSearchStart = $eip $T0 ^ = $esp $T0 4 + =',
    new Map([['$esp', 0x2ff0n], ['.cbLocals', 8n], ['.cbSavedRegs', 8n], ['.raSearchStart', 0x3000n]]),
    mem,
  );
  assert.ok(s.ok);
  assert.equal(s.value.get('$eip'), 0x405678n);
  assert.equal(s.value.get('$esp'), 0x3004n);
  assert.equal(s.value.get('$T2'), 0x3000n);
  // module1.out's program assigns with nothing named to assign to: an error value.
  const bad = runProgram('$eip 4 + ^ = $esp $ebp 8 + = $ebp $ebp ^ =', new Map([['$eip', 0n], ['$ebp', 0n]]), { readU32: () => 0, readU64: () => 0n });
  assert.equal(bad.ok, false);
  assert.equal(runProgram('$eip 1', new Map(), mem).ok, false);
  assert.equal(runProgram('4 $eip =', new Map(), mem).ok, false);
});
