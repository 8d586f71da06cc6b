// Entry point of an analysis worker process (forked by pool.ts). One dump at a time; the pool
// kills this process on its time or memory limit, so nothing here needs to guard against hangs.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, CulpritParseError, symbolPathCandidates, type CrashReport, type ModuleInfo } from '@culprit/core';
import { createSymbolSupplier, FileSource } from '@culprit/core/node';
import type { SymbolSupplier } from '@culprit/core';
import type { AnalysisRequest, AnalysisResponse, AnalysisSummary, ModuleSummary } from './protocol.js';
import { runTestOnlyPoison } from './test-only-poison.js';
import { culpritOf } from '../processing/culprit-module.js';

/** Modules recorded per report for the missing-symbols list; a hostile dump may list millions. */
const MAX_MODULES_RECORDED = 2000;

process.on('message', (msg: AnalysisRequest) => {
  process.send!(handle(msg));
});
// The service went away (even by SIGKILL): nobody will read a result, so stop.
process.on('disconnect', () => process.exit(0));

function handle(req: AnalysisRequest): AnalysisResponse {
  if (req.testHooks) runTestOnlyPoison(req.path);
  let source: FileSource | undefined;
  try {
    source = new FileSource(req.path);
    const report = analyze(source, { symbols: supplierFor(req.symbolPaths) });
    return { jobId: req.jobId, ok: true, summary: summarize(report, req.symbolPaths), reportJson: JSON.stringify(report, bigintAsHex) };
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

function summarize(report: CrashReport, symbolPaths: string[]): AnalysisSummary {
  const culprit = culpritOf(report);
  return {
    kind: report.kind,
    format: report.format,
    signature: report.signature ?? `${report.kind}: ${report.crash?.reason ?? 'unknown crash'}`,
    crashReason: report.crash?.reason ?? null,
    osName: report.system.os.platform || null,
    osVersion: report.system.os.version ?? null,
    cpuArch: report.system.cpu.arch ?? null,
    culpritName: culprit?.name ?? null,
    culpritVersion: culprit?.version ?? null,
    culpritTimestamp: culprit?.timestamp ?? null,
    culpritBuildId: culprit?.buildId ?? null,
    culpritMain: culprit?.main ?? false,
    culpritThirdParty: culprit?.thirdParty ?? null,
    modules: report.modules.slice(0, MAX_MODULES_RECORDED).map((m) => moduleSummary(m, symbolPaths)),
    warnings: report.warnings.length,
  };
}

function moduleSummary(m: ModuleInfo, symbolPaths: string[]): ModuleSummary {
  const candidates = symbolPathCandidates({ debugFile: m.debugFile ?? '', debugId: m.debugId ?? '', codeFile: m.codeFile, codeId: m.codeId ?? '' });
  const hasSymbols = candidates.some((rel) => symbolPaths.some((root) => isFile(join(root, ...rel.split('/')))));
  return { codeFile: m.codeFile, debugFile: m.debugFile ? leafName(m.debugFile) : null, debugId: m.debugId ?? null, version: m.version ?? null, hasSymbols };
}

/** 'c:\\build\\app.pdb' → 'app.pdb': the name symbol stores file modules under. */
function leafName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function bigintAsHex(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `0x${value.toString(16)}` : value;
}
