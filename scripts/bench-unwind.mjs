// Cold and warm stack walk + symbolication of corpus dumps with their symbols (after `npx tsc -b`).
// Usage: node scripts/bench-unwind.mjs. Prints figures; asserts nothing.
import { analyze, BufferSource } from '../packages/core/dist/index.js';
import { createSymbolSupplier } from '../packages/core/dist-node/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const corpus = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
for (const [dump, syms] of [['minidump/breakpad/minidump2.dmp','minidump/breakpad/symbols'],['minidump/rust-minidump/pipeline-inlines-macos-segv.dmp','minidump/rust-minidump/symbols'],['minidump/breakpad/stack_exhaustion.dmp','minidump/breakpad/symbols']]) {
  const bytes = new Uint8Array(readFileSync(corpus + '/'+dump));
  const supplier = createSymbolSupplier([corpus + '/'+syms]);
  let t0 = performance.now(); analyze(new BufferSource(bytes), { symbols: supplier }); const cold = performance.now() - t0;
  const N = 50; t0 = performance.now(); for (let i = 0; i < N; i++) analyze(new BufferSource(bytes), { symbols: supplier });
  console.log(dump, 'cold', cold.toFixed(1), 'ms; warm', ((performance.now() - t0) / N).toFixed(2), 'ms');
}
