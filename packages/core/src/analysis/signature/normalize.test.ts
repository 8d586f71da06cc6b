// Frame and function normalisation beyond Socorro's own tables (those run in socorro-rule-cases.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileAnchored } from './siglists.js';
import { normalizeCppFunction, normalizeRustFunction } from './normalize-function.js';
import { expandFrames, normalizeFrame, normalizedFrames, parseSourceFile, stripLeadingZeros } from './normalize-frame.js';
import { dropPrefixAndReturnType } from './enclosed.js';

// Cases beyond Socorro's tables, for behaviour Culprit adds or pins down.
test('operators with angle brackets and qualifiers', () => {
  const none = compileAnchored([]);
  assert.equal(normalizeCppFunction('std::operator<<<std::char_traits<char> >(std::basic_ostream<char>&, char const*)', 1, none), 'std::operator<<<T>');
  assert.equal(normalizeCppFunction('Foo::operator->() const', 1, none), 'Foo::operator->');
  assert.equal(normalizeCppFunction('Foo::operator&(Bar const&)', 1, none), 'Foo::operator&');
  assert.equal(normalizeCppFunction('bool make_const', 1, none), 'make_const', '`const` at the end of a name is not a qualifier');
  assert.equal(normalizeCppFunction('int somefunc(int) [clone .cold.111]', 1, none), 'somefunc');
  assert.equal(normalizeCppFunction('foo<', 1, none), 'foo<T>', 'an unclosed bracket runs to the end');
});

test('drop prefix and return type keeps bracketed spaces', () => {
  assert.equal(dropPrefixAndReturnType('static void * Allocator<MozJemallocBase>::malloc(unsigned __int64)'), 'Allocator<MozJemallocBase>::malloc(unsigned __int64)');
  assert.equal(dropPrefixAndReturnType('somefunc (int a, int b) [clone .cold.1]'), 'somefunc (int a, int b) [clone .cold.1]');
  assert.equal(dropPrefixAndReturnType(''), '');
});

test('source files, offsets and Rust module fixes', () => {
  assert.equal(parseSourceFile('hg:hg.mozilla.org/releases/mozilla-esr52:js/src/jit/MIR.h:755067c14b06'), 'js/src/jit/MIR.h');
  assert.equal(parseSourceFile('c:/src/a.cpp'), '/src/a.cpp');
  assert.equal(parseSourceFile('relative/a.cpp'), null);
  assert.equal(stripLeadingZeros('0x0000000000005387'), '0x5387');
  assert.equal(stripLeadingZeros('0x0'), '0x0');
  assert.equal(stripLeadingZeros('zz'), 'zz');
  const lines = compileAnchored([]);
  assert.equal(normalizeFrame({ module: null, module_offset: null, unloaded_modules: [{ module: 'gone.dll', offsets: ['0x10'] }] }, lines), '(unloaded gone.dll)');
  assert.equal(normalizeFrame({ offset: '0x00000000dead' }, lines), '@0xdead');
  assert.equal(normalizeFrame({ module_offset: '0x0042' }, lines), '@0x42');
  const rustPanic = normalizedFrames(
    { frames: [{ function: 'begin_panic_fmt', file: 'git:github.com/rust-lang/rust:src/libstd/panicking.rs:91856ed5' }] },
    { lowercaseModules: false, lineNumbers: lines },
  );
  assert.deepEqual(rustPanic, ['std::panicking::begin_panic_fmt']);
});

test('inlined calls come before their physical frame, innermost first, within the frame limit', () => {
  const frames = [
    { module: 'a.so', function: 'outer', module_offset: '0x10', inlines: [{ function: 'innermost' }, { function: 'middle' }] },
    { module: 'a.so', function: 'caller', module_offset: '0x20' },
  ];
  const expanded = expandFrames(frames);
  assert.deepEqual(expanded.map((f) => f.function), ['innermost', 'middle', 'outer', 'caller']);
  assert.equal(expanded[0]!.module_offset, '0x10');
  assert.equal(expanded[0]!.unloaded_modules, undefined);
  const many = Array.from({ length: 100 }, (_, i) => ({ function: `f${i}`, inlines: [{ function: `i${i}` }] }));
  assert.equal(expandFrames(many).length, 40);
});
