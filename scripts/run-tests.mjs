#!/usr/bin/env node
// Runs every *.test.ts under packages/ with node's test runner (TypeScript through tsx), after the
// test files have been type-checked. Node 20 does not expand globs in `--test`, hence this script.
// Usage: node scripts/run-tests.mjs [path-substring ...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'dist-node') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = walk(join(root, 'packages'), []).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

if (filters.length === 0) {
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const cfg = join(root, 'packages', pkg, 'tsconfig.test.json');
    try {
      statSync(cfg);
    } catch {
      continue;
    }
    const tc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', cfg], { stdio: 'inherit' });
    if (tc.status !== 0) process.exit(tc.status ?? 1);
  }
}

const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 1);
