// The CLI runs from a one-file bundle (scripts/bundle-cli.mjs) so that `culprit analyze` starts
// fast. The service and the VM watcher stay outside it; a static import of either would load
// them — and the unbundled core beneath them — on every run, undoing the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('the CLI bundle loads the service and the VM watcher only when their commands run', () => {
  const bundle = readFileSync(join(import.meta.dirname, '..', 'dist', 'culprit.mjs'), 'utf8');
  const staticImports = bundle.match(/(?:from\s*|import\s*)["']@culprit\/[a-z-]+["']/g) ?? [];
  assert.deepEqual(staticImports, []);
  assert.match(bundle, /import\(\s*["']@culprit\/service["']\s*\)/);
  assert.match(bundle, /import\(\s*["']@culprit\/vm["']\s*\)/);
});
