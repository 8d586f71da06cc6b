#!/usr/bin/env node
// Writes .gz and .br copies of the built text assets, so `culprit serve` (@fastify/static with
// `preCompressed`) sends them compressed without compressing on every request. Prints the
// compressed size of the JavaScript a first visit loads (index.html's entry and its imports).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|json|map)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

for (const file of walk(dist).filter((f) => TEXT.test(f))) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

// First load: the scripts index.html names, plus what they import statically (modulepreload).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = first.reduce((s, f) => s + statSync(join(dist, `${f}.gz`)).size, 0);
const br = first.reduce((s, f) => s + statSync(join(dist, `${f}.br`)).size, 0);
console.log(`web: first-load JavaScript ${first.join(', ')}: ${(gz / 1024).toFixed(1)} KiB gzip, ${(br / 1024).toFixed(1)} KiB brotli`);
