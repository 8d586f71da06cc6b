// The core must run in a browser: no Node built-ins, Buffer or process in its sources, and a
// tsconfig that does not load Node's typings (so the compiler rejects them too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const srcDir = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'testing') out.push(...sources(p));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out;
}

const forbidden: [RegExp, string][] = [
  [/from\s+['"](node:[^'"]+|fs|path|os|crypto|zlib|child_process|worker_threads|stream|util|buffer)['"]/, 'Node built-in import'],
  [/\brequire\s*\(/, 'require()'],
  [/\bBuffer\b/, 'Buffer'],
  [/\bprocess\.(env|argv|exit|cwd|stdout|stderr|platform)\b/, 'process global'],
  [/\b__dirname\b|\b__filename\b/, 'CommonJS path globals'],
];

test('core sources use no Node APIs', () => {
  const files = sources(srcDir);
  assert.ok(files.length > 5, 'found the core sources');
  const hits: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [re, what] of forbidden) {
      if (re.test(text)) hits.push(`${file}: ${what}`);
    }
  }
  assert.deepEqual(hits, []);
});

test('core tsconfig loads no ambient typings and no DOM', () => {
  const cfg = JSON.parse(readFileSync(join(srcDir, '..', 'tsconfig.json'), 'utf8'));
  assert.deepEqual(cfg.compilerOptions.types, []);
  assert.ok(!cfg.compilerOptions.lib.some((l: string) => /dom/i.test(l)), 'no DOM lib');
});
