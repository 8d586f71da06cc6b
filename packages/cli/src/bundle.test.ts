// The CLI runs from a one-file bundle (scripts/bundle-cli.mjs) so that `culprit analyze` starts
// fast. The service and the VM watcher stay outside it; a static import of either would load
// them — and the unbundled core beneath them — on every run, undoing the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
const bin = join(import.meta.dirname, '..', 'bin', 'culprit.js');

test('the CLI bundle loads the service and the VM watcher only when their commands run', () => {
  const bundle = readFileSync(join(dist, 'culprit.cjs'), 'utf8');
  const staticLoads = bundle.match(/(?:from\s*|import\s*|require\(\s*)["']@culprit\/[a-z-]+["']/g) ?? [];
  assert.deepEqual(staticLoads, []);
  // bin/culprit.js supplies __culpritImport (a code-cached script may not call import() itself).
  assert.match(bundle, /__culpritImport\(\s*["']@culprit\/service["']\s*\)/);
  assert.match(bundle, /__culpritImport\(\s*["']@culprit\/vm["']\s*\)/);
  assert.doesNotMatch(bundle, /\bimport\(/);
});

test('a run writes a code cache for its command; the next run uses it and prints the same', () => {
  const caches = () => readdirSync(dist).filter((n) => n.startsWith('culprit.cjs.') && n.endsWith('.help.cache'));
  for (const n of caches()) rmSync(join(dist, n));
  // `help` is a command of its own (commander's), so this test never touches the analyze cache.
  const first = spawnSync(process.execPath, [bin, 'help', 'analyze'], { encoding: 'utf8' });
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /--symbols-path/);
  assert.equal(caches().length, 1);
  const second = spawnSync(process.execPath, [bin, 'help', 'analyze'], { encoding: 'utf8' });
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, first.stdout);
  assert.equal(second.stderr, first.stderr);
  assert.equal(caches().length, 1);
});
