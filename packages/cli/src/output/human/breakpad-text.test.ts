// Culprit's readable report against Breakpad's minidump_stackwalk text for every corpus minidump
// with a reference, run with the dump's symbols: each frame line and its "Found by" line must be
// the same, in the same order. Prints the agreement per dump and in total.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze, BufferSource, CulpritParseError, type ReadOptions } from '@culprit/core';
import { createSymbolSupplier } from '@culprit/core/node';
import { renderHuman } from './index.js';

const corpus = join(import.meta.dirname, '../../../../../../shared/corpus');
const refRoot = join(corpus, 'reference/breakpad/minidump');

/** Frame and Found-by lines, in order. */
function frameLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s?\d+ {2}\S/.test(l) || /^ {4}Found by: /.test(l)).map((l) => l.trimEnd());
}

test('human frames agree with Breakpad minidump_stackwalk, line for line', () => {
  let total = 0;
  let agree = 0;
  const rows: string[] = [];
  const suppliers = new Map<string, ReadOptions>();
  for (const source of readdirSync(refRoot).sort()) {
    for (const name of readdirSync(join(refRoot, source)).sort()) {
      if (!name.endsWith('.txt') || name.endsWith('.m.txt')) continue;
      const dump = join(corpus, 'minidump', source, name.slice(0, -4));
      assert.ok(existsSync(dump), dump);
      const want = frameLines(readFileSync(join(refRoot, source, name), 'utf8'));
      if (want.length === 0) continue; // Breakpad refused the file
      const symbols = join(dirname(dump), 'symbols');
      // Breakpad's own microdump tests keep their symbols in symbols/microdump.
      const stores = [symbols, join(symbols, 'microdump')].filter((d) => existsSync(d));
      if (!suppliers.has(symbols)) suppliers.set(symbols, stores.length > 0 ? { symbols: createSymbolSupplier(stores) } : {});
      let got: string[];
      try {
        got = frameLines(renderHuman(analyze(new BufferSource(new Uint8Array(readFileSync(dump))), suppliers.get(symbols)), { brief: false }));
      } catch (err) {
        if (err instanceof CulpritParseError && /microdump/.test(name)) continue; // microdumps: separate reader
        throw err;
      }
      let same = 0;
      for (let i = 0; i < want.length; i++) if (got[i] === want[i]) same++;
      total += want.length;
      agree += same;
      const first = want.findIndex((w, i) => got[i] !== w);
      rows.push(`${name.padEnd(48)} ${same}/${want.length}${first >= 0 ? `  first difference: '${got[first]}' vs '${want[first]}'` : ''}${got.length !== want.length ? `  (${got.length} lines vs ${want.length})` : ''}`);
    }
  }
  console.log(rows.join('\n') + `\nTOTAL ${agree}/${total} lines (${((100 * agree) / total).toFixed(2)}%)`);
  assert.ok(total > 1000, `compared ${total} lines`);
  assert.equal(agree, total);
});
