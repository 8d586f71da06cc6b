import { statSync } from 'node:fs';
import { join } from 'node:path';
import { symbolPathCandidates, type CrashReport, type ModuleInfo } from '@culprit/core';
import type { AnalysisSummary, ModuleSummary } from '../workers/protocol.js';
import { culpritOf } from './culprit-module.js';

/** Modules recorded per report for the missing-symbols list; a hostile dump may list millions. */
const MAX_MODULES_RECORDED = 2000;

/** The indexed facts of a report (the database row), whichever way the report was made. */
export function summarize(report: CrashReport, symbolPaths: string[]): AnalysisSummary {
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

/** The stored result: the whole report as JSON, 64-bit values as hex strings. */
export function reportJson(report: CrashReport): string {
  return JSON.stringify(report, bigintAsHex);
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
