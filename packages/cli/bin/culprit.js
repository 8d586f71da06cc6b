#!/usr/bin/env node
// The `culprit` command. CommonJS (bin/package.json), so that starting it does not set up the
// ES module loader. `npm ci` at the root builds dist/ (tsc) and the one-file bundle
// dist/culprit.cjs (scripts/bundle-cli.mjs), which this file compiles with a V8 code cache:
// a cold run then skips parsing and compiling most of the bundle's code (Node 20 offers no
// code cache for ES modules or for require()).
//
// One cache per command (`analyze`, `serve`, ...): V8 caches the functions compiled by the run
// that wrote it, so an `analyze` run writes what the next `analyze` run needs. A cache is written
// when none was accepted, after the command has finished, to a temporary name and renamed (two
// processes may race; either file is whole). A read-only install simply runs without one.
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');
const { isMainThread, workerData } = require('node:worker_threads');

const bundle = join(__dirname, '..', 'dist', 'culprit.cjs');
const source = readFileSync(bundle, 'utf8');
// A batch's analysis workers run this file too (src/commands/analyze-pool.ts).
const analysisWorker = !isMainThread && workerData != null && typeof workerData === 'object' && 'culpritAnalyzeWorker' in workerData;
// The commands of src/main.ts (and commander's `help`); anything else shares one cache.
const command = analysisWorker ? 'analyze' : /^(analyze|serve|submit|vm|help)$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
// The bundle's build time in the name: a rebuilt bundle never meets an older cache.
const cacheFile = `${bundle}.${Math.trunc(statSync(bundle).mtimeMs)}.${command}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}

const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __culpritImport) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, require, module_, bundle, join(__dirname, '..', 'dist'), (specifier) => import(specifier));

if (analysisWorker) {
  void module_.exports.analyzeWorker();
} else {
  module_.exports.main(process.argv, { workerScript: __filename }).then(writeCache);
}

function writeCache(code) {
  process.exitCode = code;
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // No cache this time (a read-only install, a full disk): the next run compiles again.
    }
  }
}
