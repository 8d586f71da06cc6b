import type { CrashReport } from '@culprit/core';

export interface JsonOptions {
  pretty: boolean;
}

/** Generic JSON form of a report: bigints become hex strings. Kind-specific schemas plug in here. */
export function renderJson(report: CrashReport, opts: JsonOptions): string {
  return JSON.stringify(report, bigintReplacer, opts.pretty ? 2 : undefined);
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? '0x' + value.toString(16) : value;
}
