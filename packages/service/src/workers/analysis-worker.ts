// Entry point of an analysis worker process (forked by pool.ts). One dump at a time; the pool
// kills this process on its time or memory limit, so nothing here needs to guard against hangs.
import { analyze, CulpritParseError } from '@culprit/core';
import { createSymbolSupplier, FileSource } from '@culprit/core/node';
import type { SymbolSupplier } from '@culprit/core';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';
import { runTestOnlyPoison } from './test-only-poison.js';
import { reportJson, summarize } from '../processing/summarize.js';

process.on('message', (msg: AnalysisRequest) => {
  process.send!(handle(msg));
});
// The service went away (even by SIGKILL): nobody will read a result, so stop.
process.on('disconnect', () => process.exit(0));

function handle(req: AnalysisRequest): AnalysisResponse {
  if (req.testHooks) runTestOnlyPoison(req.path, req.window?.offset ?? 0);
  let source: FileSource | undefined;
  try {
    source = new FileSource(req.path, req.window);
    const report = analyze(source, { symbols: supplierFor(req.symbolPaths) });
    return { jobId: req.jobId, ok: true, summary: summarize(report, req.symbolPaths), reportJson: reportJson(report) };
  } catch (err) {
    if (err instanceof CulpritParseError) return { jobId: req.jobId, ok: false, permanent: true, error: err.message };
    throw err; // anything else is a bug: the process dies, the pool records it and retries
  } finally {
    source?.close();
  }
}

/**
 * One supplier per worker process and set of stores: parsed symbol files stay cached across the
 * dumps this worker analyses. Misses are not remembered, so symbols uploaded later are found by
 * the next analysis (reprocessing) without restarting workers.
 */
let supplier: { key: string; value: SymbolSupplier } | undefined;
function supplierFor(paths: string[]): SymbolSupplier | undefined {
  if (paths.length === 0) return undefined;
  const key = paths.join('\0');
  if (supplier?.key !== key) supplier = { key, value: createSymbolSupplier(paths, { rememberMisses: false }) };
  return supplier.value;
}
