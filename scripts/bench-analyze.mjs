#!/usr/bin/env node
// Benchmark (run by hand, not a test): `culprit analyze` against Breakpad's minidump_stackwalk on
// the same corpus dumps, one run side by side. Prints per-dump medians, the overall median and the
// ratio, plus Culprit's warm in-process time per dump (the path the service uses).
//
// The reference binary comes from the npm package minidump@0.26.0 (see ../shared/corpus/README.md);
// it is installed on first use into bench-results/ref (not committed).
// Then the warm path: Culprit's batch mode (one process, one symbol cache) over every dump
// `--rounds` times, against Breakpad started once per dump (the way Socorro runs it).
// Usage: node scripts/bench-analyze.mjs [--runs N] [--rounds N] [--no-symbols] [--warm-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, '../shared/corpus/minidump');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const withSymbols = !args.includes('--no-symbols');
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 10;

const refDir = join(root, 'bench-results/ref');
const stackwalk = join(refDir, 'node_modules/minidump/bin/linux-x64/minidump_stackwalk');
if (!existsSync(stackwalk)) {
  mkdirSync(refDir, { recursive: true });
  console.error('installing minidump@0.26.0 (Breakpad minidump_stackwalk) into bench-results/ref ...');
  const r = spawnSync('npm', ['install', '--no-save', '--ignore-scripts', '--prefix', refDir, 'minidump@0.26.0'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(stackwalk)) {
    console.error('could not install the reference tool; is the npm registry reachable?');
    process.exit(1);
  }
}
const cli = join(root, 'packages/cli/bin/culprit.js');
if (!existsSync(join(root, 'packages/cli/dist/main.js'))) {
  console.error('build first: npm run build');
  process.exit(1);
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'symbols' && name !== 'snapshots' && name !== 'id-mismatch-symbols') walk(p, out);
    } else if (/\.(dmp|mdmp)$/.test(name) && !name.startsWith('microdump')) {
      const head = readFileSync(p).subarray(0, 4).toString('latin1');
      if (head === 'MDMP') out.push(p);
    }
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function time(cmd, argv, env = process.env) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'ignore'], env });
  const ms = performance.now() - t0;
  return { ms, status: r.status };
}

const dumps = walk(corpus);
const { analyze, BufferSource } = await import(join(root, 'packages/core/dist/index.js'));

console.log(`${dumps.length} dumps, ${runs} runs each${withSymbols ? ', with symbols' : ''}`);
const warmOnly = args.includes('--warm-only');
if (!warmOnly) {
console.log(`${'dump'.padEnd(52)} ${'culprit ms'.padStart(10)} ${'breakpad ms'.padStart(11)} ${'ratio'.padStart(6)} ${'warm ms'.padStart(8)}`);
const ours = [];
const theirs = [];
const warm = [];
for (const dump of dumps) {
  const symbolsDir = join(dirname(dump), 'symbols');
  const cArgs = [cli, 'analyze', dump];
  const bArgs = [dump];
  if (withSymbols && existsSync(symbolsDir)) {
    cArgs.push('--symbols-path', symbolsDir);
    bArgs.push(symbolsDir);
  }
  const c = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    // Interleave so machine load affects both alike.
    c.push(time(process.execPath, cArgs).ms);
    b.push(time(stackwalk, bArgs).ms);
  }
  const bytes = new Uint8Array(readFileSync(dump));
  const w = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    try {
      analyze(new BufferSource(bytes));
    } catch {
      /* a refused dump still costs its time */
    }
    w.push(performance.now() - t0);
  }
  const mc = median(c);
  const mb = median(b);
  ours.push(mc);
  theirs.push(mb);
  warm.push(median(w));
  console.log(`${relative(corpus, dump).padEnd(52)} ${mc.toFixed(1).padStart(10)} ${mb.toFixed(1).padStart(11)} ${(mc / mb).toFixed(2).padStart(6)} ${median(w).toFixed(2).padStart(8)}`);
}
const mo = median(ours);
const mt = median(theirs);
console.log('');
console.log(`median cold CLI: culprit ${mo.toFixed(1)} ms, breakpad ${mt.toFixed(1)} ms, ratio ${(mo / mt).toFixed(2)}`);
console.log(`median warm in-process analyze() without symbols: ${median(warm).toFixed(2)} ms per dump`);

// Symbol-heavy dumps: those whose symbols folder holds a large .sym (the 4.2 MB crash-client.sym).
const heavy = dumps.map((d, i) => ({ d, i })).filter(({ d }) => d.includes('pipeline-inlines'));
for (const { d, i } of heavy) {
  console.log(`symbol-heavy ${relative(corpus, d)}: culprit ${ours[i].toFixed(1)} ms, breakpad ${theirs[i].toFixed(1)} ms, ratio ${(ours[i] / theirs[i]).toFixed(2)}`);
}

// Node's own start, the floor of any cold run of a Node CLI. NODE_EXTRA_CA_CERTS (set on machines
// behind a TLS-inspecting proxy) makes Node 20 load that bundle at every start, before any code
// runs; `culprit analyze` needs no TLS, so the cold figures are shown again without it.
const nodeStart = (env) => median(Array.from({ length: runs }, () => time(process.execPath, ['-e', '0'], env).ms));
console.log(`Node's empty start: ${nodeStart(process.env).toFixed(1)} ms`);
if (process.env.NODE_EXTRA_CA_CERTS) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  console.log(`without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}): Node's empty start ${nodeStart(env).toFixed(1)} ms`);
  for (const { d, i } of [...heavy, { d: dumps[ours.indexOf(mo)] ?? dumps[0], i: -1 }]) {
    const symbolsDir = join(dirname(d), 'symbols');
    const args = [cli, 'analyze', d, ...(withSymbols && existsSync(symbolsDir) ? ['--symbols-path', symbolsDir] : [])];
    const c = median(Array.from({ length: runs }, () => time(process.execPath, args, env).ms));
    const b = median(Array.from({ length: runs }, () => time(stackwalk, withSymbols && existsSync(symbolsDir) ? [d, symbolsDir] : [d]).ms));
    console.log(`  ${i < 0 ? 'a median dump ' : 'symbol-heavy '}${relative(corpus, d)}: culprit ${c.toFixed(1)} ms, breakpad ${b.toFixed(1)} ms, ratio ${(c / b).toFixed(2)}`);
  }
}
}

// Warm throughput: Culprit batch over all dumps x rounds in one process vs Breakpad once per dump.
// Two Culprit figures: the wall clock of the whole command (Node's start, loading, the first parse
// of every symbol file included), and the batch's own rate once running, as it reports it on
// stderr ("N analyzed ... (R per second)"): the warm rate, what a resident service sees.
const symbolDirs = [...new Set(dumps.map((d) => join(dirname(d), 'symbols')).filter((p) => existsSync(p)))];
const batchArgs = [cli, 'analyze', '--jsonl', '--no-progress'];
if (withSymbols) for (const p of symbolDirs) batchArgs.push('--symbols-path', p);
const inputs = [];
for (let r = 0; r < rounds; r++) inputs.push(...dumps);
function batch(extra) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...batchArgs, ...extra, ...inputs], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = (inputs.length / (performance.now() - t0)) * 1000;
  const own = Number(/\(([\d.]+) per second\)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { wall, own };
}
let breakpadMs = 0;
for (let r = 0; r < Math.min(rounds, 3); r++) {
  for (const dump of dumps) {
    const symbolsDir = join(dirname(dump), 'symbols');
    breakpadMs += time(stackwalk, withSymbols && existsSync(symbolsDir) ? [dump, symbolsDir] : [dump]).ms;
  }
}
const breakpadRate = (dumps.length * Math.min(rounds, 3)) / (breakpadMs / 1000);
console.log(`warm throughput, ${inputs.length} dumps (${rounds} rounds); breakpad started once per dump: ${breakpadRate.toFixed(0)} dumps/s`);
for (const [label, extra] of [['one thread', []], ['--workers 2', ['--workers', '2']]]) {
  const b = batch(extra);
  console.log(
    `  culprit batch, ${label.padEnd(11)}: running ${b.own.toFixed(0)} dumps/s (${(b.own / breakpadRate).toFixed(1)}x), whole command ${b.wall.toFixed(0)} dumps/s (${(b.wall / breakpadRate).toFixed(1)}x)`,
  );
}
