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
  return stringifyWithBigints(jsonDocument(report), !usesStackwalkSchema(report), opts.pretty ? 2 : undefined);
}

/**
 * JSON text of a value that may hold bigints (written as hex). A replacer makes JSON.stringify
 * call back into JavaScript for every value, several times slower, so it is used only for
 * documents that hold bigints (the common report model); the minidump schema is all strings and
 * numbers, and a bigint that slipped into one still gets the replacer on a second try.
 */
export function stringifyWithBigints(value: unknown, holdsBigints: boolean, indent?: number): string {
  if (holdsBigints) return JSON.stringify(value, bigintReplacer, indent);
  try {
    return JSON.stringify(value, undefined, indent);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return JSON.stringify(value, bigintReplacer, indent);
  }
}

/** The JSON-ready document for a report (bigints still to be replaced when serialising). */
export function jsonDocument(report: CrashReport): unknown {
  return usesStackwalkSchema(report) ? minidumpStackwalkJson(report) : report;
}

/** Whether a report's document is rust-minidump's schema (no bigints) rather than the report model. */
export function usesStackwalkSchema(report: CrashReport): boolean {
  return report.kind === 'minidump';
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? '0x' + value.toString(16) : value;
}
