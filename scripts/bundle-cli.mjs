#!/usr/bin/env node
// Bundles the CLI and the core into one CommonJS file (packages/cli/dist/culprit.cjs). A cold
// `culprit analyze` then loads one script instead of a few hundred modules: measured on this
// machine, 145 ms → 85 ms per run, of which 50 ms is Node's own start. `tsc -b` still
// type-checks and emits the per-file build that the service and the tests import.
//
// CommonJS rather than ESM so that bin/culprit.js can compile it through `vm.Script` with a V8
// code cache (Node 20 has no code cache for ES modules): a cached run skips parsing and
// compiling the bundle, about 20 ms of every cold run. A script compiled that way cannot use
// `import()` without an experimental flag, so the bundle's dynamic imports of the packages it
// leaves out are rewritten to call `__culpritImport`, which bin/culprit.js supplies.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const dist = new URL('../packages/cli/dist/', import.meta.url).pathname;
const outfile = `${dist}culprit.cjs`;
// Loaded from node_modules only when `culprit serve`, `submit` or `vm watch` runs; analysis
// never pays for the service (Fastify, better-sqlite3's native addon) or the VM watcher.
const external = ['@culprit/service', '@culprit/vm', 'better-sqlite3'];

await build({
  entryPoints: [new URL('../packages/cli/src/main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  external,
});

let code = readFileSync(outfile, 'utf8');
let rewritten = 0;
code = code.replace(/\bimport\((["'])(@culprit\/[a-z-]+)\1\)/g, (_, q, name) => {
  rewritten++;
  return `__culpritImport(${q}${name}${q})`;
});
const left = code.match(/\bimport\(/g) ?? [];
if (rewritten === 0 || left.length > 0) {
  throw new Error(`bundle-cli: expected the external dynamic imports to be rewritten (rewritten ${rewritten}, import( left ${left.length})`);
}
writeFileSync(outfile, code);

// Code caches of an earlier bundle must not be used with this one (V8 checks only the source
// length); bin/culprit.js writes new ones on the next runs.
for (const name of readdirSync(dist)) {
  if (name.endsWith('.cache') || name === 'culprit.mjs') rmSync(`${dist}${name}`, { force: true });
}
