import type { CrashReport } from '@culprit/core';
import { minidumpStackwalkJson } from './minidump-stackwalk.js';

export interface JsonOptions {
  pretty: boolean;
}

/**
 * JSON form of a report. Minidumps use rust-minidump's `minidump-stackwalk --json` schema so tools
 * written for it read ours; other kinds serialise the common report model (bigints as hex).
 */
export function renderJson(report: CrashReport, opts: JsonOptions): string {
  return JSON.stringify(jsonDocument(report), bigintReplacer, opts.pretty ? 2 : undefined);
}

/** The JSON-ready document for a report (bigints still to be replaced when serialising). */
export function jsonDocument(report: CrashReport): unknown {
  return report.kind === 'minidump' ? minidumpStackwalkJson(report) : report;
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? '0x' + value.toString(16) : value;
}
