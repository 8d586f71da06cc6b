#!/usr/bin/env node
// Breakpad symbol figures: parse + index time per .sym file, then lookup throughput (function,
// line and inline frames), CFI rule assembly and STACK WIN lookups at addresses spread over
// each file's code. Prints figures only; nothing here is asserted.
// Usage: npm run build && node scripts/bench-symbols.mjs [file.sym ...]
// With no arguments: every .sym under ../shared/corpus/minidump, largest first.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseSymbolFile } from '../packages/core/dist/symbols/index.js';

const root = resolve(new URL('..', import.meta.url).pathname);
const corpus = resolve(root, '../shared/corpus/minidump');

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.sym')) out.push(p);
  }
  return out;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : walk(corpus, []).sort((a, b) => statSync(b).size - statSync(a).size);
const LOOKUPS = 200_000;
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Deterministic pseudo-random addresses (xorshift) within [lo, hi). */
function addresses(lo, hi, n) {
  const out = new Float64Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = lo + ((x >>> 0) % Math.max(1, hi - lo));
  }
  return out;
}

console.log('file'.padEnd(58), 'MB'.padStart(6), 'parse ms'.padStart(9), 'again ms'.padStart(9), 'lookup/s'.padStart(10), 'cfi/s'.padStart(10), 'win/s'.padStart(10), ' functions  inlines-hit');
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  let t0 = process.hrtime.bigint();
  parseSymbolFile(bytes);
  const parseMs = ms(t0); // first parse: what one CLI run pays (cold JIT for the first file)
  t0 = process.hrtime.bigint();
  const sym = parseSymbolFile(bytes);
  const reparseMs = ms(t0); // again: the steady state of a service parsing many files
  // Spread addresses over the span the file describes: from its lowest to its highest FUNC/PUBLIC.
  const text = new TextDecoder().decode(bytes);
  let lo = Infinity;
  let hi = 0;
  for (const m of text.matchAll(/^(?:FUNC(?: m)?|PUBLIC(?: m)?) ([0-9a-f]+)/gm)) {
    const a = parseInt(m[1], 16);
    lo = Math.min(lo, a);
    hi = Math.max(hi, a);
  }
  if (!(hi > lo)) { lo = 0; hi = 0x10000; }
  const addrs = addresses(lo, hi + 1, LOOKUPS);
  let inlineHits = 0;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < addrs.length; i++) inlineHits += sym.lookup(addrs[i]).inlines.length > 0 ? 1 : 0;
  const lookupMs = ms(t0);
  t0 = process.hrtime.bigint();
  for (let i = 0; i < addrs.length; i++) sym.findCfiRules(addrs[i]);
  const cfiMs = ms(t0);
  t0 = process.hrtime.bigint();
  for (let i = 0; i < addrs.length; i++) sym.findStackWin(addrs[i]);
  const winMs = ms(t0);
  const rate = (t) => Math.round(LOOKUPS / (t / 1000)).toLocaleString('en-US');
  console.log(
    relative(corpus, file).slice(-58).padEnd(58),
    (bytes.byteLength / 1e6).toFixed(2).padStart(6),
    parseMs.toFixed(1).padStart(9),
    reparseMs.toFixed(1).padStart(9),
    rate(lookupMs).padStart(10),
    rate(cfiMs).padStart(10),
    rate(winMs).padStart(10),
    String(sym.stats.functions).padStart(10),
    String(inlineHits).padStart(12),
  );
}
