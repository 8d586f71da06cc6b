// The symbol supplier over real store folders (through the Node folder store) and over
// in-memory stores for the cases no folder shows (a throwing store, the cache).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { corpusPath, corpusRoot, readCorpus } from '../testing/corpus.js';
import { createSymbolSupplier } from '../../node/symbol-store.js';
import { BreakpadSymbolSupplier, symbolPathCandidates, type SymbolStore } from './supplier.js';
import type { ModuleRef } from './types.js';

const rustStore = () => corpusPath('minidump/rust-minidump/symbols');
const breakpadStore = () => corpusPath('minidump/breakpad/symbols');
const testApp: ModuleRef = { debugFile: 'test_app.pdb', debugId: '5A9832E5287241C1838ED98914E9B7FF1', codeFile: 'c:\\test_app.exe', codeId: '45D35F6C2d000' };

test('candidate paths: .pdb stripped in any case, other names keep their extension, fallbacks', () => {
  assert.deepEqual(symbolPathCandidates({ debugFile: 'c:\\build\\Foo.PDB', debugId: 'ab12', codeFile: 'c:\\build\\Foo.dll', codeId: '' }), [
    'Foo.PDB/ab12/Foo.sym',
    'Foo.PDB/AB12/Foo.sym',
    'Foo.dll/ab12/Foo.dll.sym',
    'Foo.dll/AB12/Foo.dll.sym',
  ]);
  assert.deepEqual(symbolPathCandidates({ debugFile: '', debugId: 'AB12', codeFile: '/lib/libc.so.6', codeId: '' }), ['libc.so.6/AB12/libc.so.6.sym']);
  assert.deepEqual(symbolPathCandidates({ debugFile: 'x.pdb', debugId: '', codeFile: '', codeId: '' }), []);
  assert.deepEqual(symbolPathCandidates({ debugFile: 'x.pdb', debugId: '..', codeFile: '', codeId: '' }), []);
});

test('finds test_app.sym in a store folder and resolves through it', () => {
  const r = createSymbolSupplier([rustStore()]).lookup(testApp);
  assert.equal(r.status, 'found');
  assert.ok(r.status === 'found');
  assert.equal(r.path, 'test_app.pdb/5A9832E5287241C1838ED98914E9B7FF1/test_app.sym');
  assert.equal(r.idMismatch, undefined);
  assert.equal(r.symbols.lookup(0x1010).function?.name, 'vswprintf');
});

test('a lower-case debug id finds the upper-case folder', () => {
  const r = createSymbolSupplier([rustStore()]).lookup({ ...testApp, debugId: testApp.debugId.toLowerCase() });
  assert.equal(r.status, 'found');
});

test('id mismatch: the file is used, as rust-minidump does, and the mismatch is reported', () => {
  const r = createSymbolSupplier([corpusPath('minidump/rust-minidump/id-mismatch-symbols')]).lookup({
    ...testApp,
    debugId: '6A9832E5287241C1838ED98914E9B7FF1',
  });
  assert.equal(r.status, 'found');
  assert.ok(r.status === 'found');
  assert.deepEqual(r.idMismatch, { expected: '6A9832E5287241C1838ED98914E9B7FF1', found: '5A9832E5287241C1838ED98914E9B7FF1' });
  // The file has CRLF line ends; lookups are the same as through the LF copy.
  assert.equal(r.symbols.lookup(0x1010).line?.line, 51);
});

test('missing symbols and a missing store folder are reported, not thrown', () => {
  const supplier = createSymbolSupplier([join(corpusRoot, 'no-such-store'), rustStore()]);
  const r = supplier.lookup({ debugFile: 'ntdll.pdb', debugId: '36515FB5D04345E491F672FA2E2878C02', codeFile: 'ntdll.dll', codeId: '' });
  assert.equal(r.status, 'missing');
  assert.ok(r.status === 'missing');
  assert.ok(r.tried.includes('ntdll.pdb/36515FB5D04345E491F672FA2E2878C02/ntdll.sym'));
  assert.ok(r.tried.includes('ntdll.dll/36515FB5D04345E491F672FA2E2878C02/ntdll.dll.sym'));
  assert.equal(createSymbolSupplier([join(corpusRoot, 'no-such-store')]).lookup(testApp).status, 'missing');
});

test('several stores are searched in order; a Linux module is found by its code file', () => {
  const supplier = createSymbolSupplier([breakpadStore(), rustStore()]);
  const crash = supplier.lookup({ debugFile: 'crash-client', debugId: '509C0610949836F7B70BD88BCF03E5400', codeFile: 'crash-client', codeId: '' });
  assert.equal(crash.status, 'found');
  assert.ok(crash.status === 'found');
  assert.equal(crash.store, rustStore());
  const libc = supplier.lookup({ debugFile: '', debugId: 'F4F8DFCD5A5FB5A7CE64717E9E6AE3890', codeFile: '/lib/libc-2.13.so', codeId: '' });
  assert.equal(libc.status, 'found');
  assert.ok(libc.status === 'found');
  assert.equal(libc.path, 'libc-2.13.so/F4F8DFCD5A5FB5A7CE64717E9E6AE3890/libc-2.13.so.sym');
  assert.equal(libc.store, breakpadStore());
});

/** An in-memory store that counts reads. */
function memoryStore(files: Record<string, Uint8Array>): SymbolStore & { reads: number } {
  return {
    name: 'memory',
    reads: 0,
    readFile(path) {
      this.reads++;
      return files[path] ?? null;
    },
  };
}

test('a file with malformed lines is "corrupt" but its symbols are still usable', () => {
  const store = memoryStore({ 'module4.pdb/444444444444444444444444444444444/module4.sym': readCorpus('minidump/breakpad/module4_bad.out') });
  const r = new BreakpadSymbolSupplier([store]).lookup({ debugFile: 'module4.pdb', debugId: '444444444444444444444444444444444', codeFile: '', codeId: '' });
  assert.equal(r.status, 'corrupt');
  assert.ok(r.status === 'corrupt' && r.symbols);
  assert.equal(r.symbols.warnings.length, 2);
  assert.equal(r.symbols.module?.name, 'module4.pdb');
});

test('a store that fails to read gives "corrupt" with the reason', () => {
  const store: SymbolStore = { name: 'broken', readFile: () => { throw new Error('EACCES'); } };
  const r = new BreakpadSymbolSupplier([store]).lookup(testApp);
  assert.equal(r.status, 'corrupt');
  assert.ok(r.status === 'corrupt');
  assert.match(r.error ?? '', /EACCES/);
  assert.equal(r.symbols, undefined);
});

test('parsed files are cached across lookups, within the bound', () => {
  const bytes = new TextEncoder().encode('MODULE Linux x86 AB12 a\nFUNC 10 10 0 f\n');
  const store = memoryStore({ 'a/AB12/a.sym': bytes, 'b/AB12/b.sym': bytes });
  const supplier = new BreakpadSymbolSupplier([store], { maxFiles: 1 });
  const a: ModuleRef = { debugFile: 'a', debugId: 'AB12', codeFile: '', codeId: '' };
  const b: ModuleRef = { ...a, debugFile: 'b' };
  const first = supplier.lookup(a);
  assert.equal(supplier.lookup(a), first);
  assert.equal(store.reads, 1);
  const other = supplier.lookup(b); // evicts a (one file kept); b's MODULE id matches
  assert.equal(other.status, 'found');
  supplier.lookup(a);
  assert.equal(store.reads, 3);
  // Missing results are remembered too: no second search of the stores.
  const missing: ModuleRef = { ...a, debugFile: 'zzz' };
  const before = store.reads;
  supplier.lookup(missing);
  const after = store.reads;
  supplier.lookup(missing);
  assert.ok(after > before);
  assert.equal(store.reads, after);
});

test('modules without symbols never evict a parsed file (a batch has far more of them)', () => {
  const bytes = new TextEncoder().encode('MODULE Linux x86 AB12 a\nFUNC 10 10 0 f\n');
  const store = memoryStore({ 'a/AB12/a.sym': bytes });
  const supplier = new BreakpadSymbolSupplier([store], { maxFiles: 1 });
  const a: ModuleRef = { debugFile: 'a', debugId: 'AB12', codeFile: '', codeId: '' };
  supplier.lookup(a);
  const readsAfterParse = store.reads;
  for (let i = 0; i < 500; i++) supplier.lookup({ ...a, debugFile: `missing${i}` });
  const readsAfterMisses = store.reads;
  assert.equal(supplier.lookup(a).status, 'found');
  assert.equal(store.reads, readsAfterMisses, 'a was still cached: no store read for it');
  assert.ok(readsAfterMisses > readsAfterParse);
});

test('with rememberMisses off, symbols that arrive later are found on the next lookup', () => {
  const files: Record<string, Uint8Array> = {};
  const store = memoryStore(files);
  const supplier = new BreakpadSymbolSupplier([store], { rememberMisses: false });
  const a: ModuleRef = { debugFile: 'a', debugId: 'AB12', codeFile: '', codeId: '' };
  assert.equal(supplier.lookup(a).status, 'missing');
  files['a/AB12/a.sym'] = new TextEncoder().encode('MODULE Linux x86 AB12 a\nFUNC 10 10 0 f\n');
  assert.equal(supplier.lookup(a).status, 'found');
});
