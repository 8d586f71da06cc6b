import type { ByteSource } from './io/byte-source.js';
import { CulpritParseError } from './io/errors.js';
import type { CrashReport } from './report/model.js';
import type { FormatReader, ReadOptions } from './formats/format-reader.js';
import { FORMAT_READERS } from './formats/registry.js';
import './formats/all.js';
import { generateSignature } from './analysis/signature/report-signature.js';
import { runReportAnalysis } from './analysis/report-analyses.js';

const SNIFF_BYTES = 64 * 1024;

/** The reader that recognises these bytes, or null. */
export function sniffFormat(source: ByteSource): FormatReader | null {
  const head = source.read(0, Math.min(SNIFF_BYTES, source.size));
  return FORMAT_READERS.find((r) => r.sniff(head)) ?? null;
}

/**
 * Bytes in, typed report out. Throws `CulpritParseError` when the input is not a crash format
 * Culprit knows, or is too damaged to say anything about.
 */
export function analyze(source: ByteSource, options: ReadOptions = {}): CrashReport {
  const reader = sniffFormat(source);
  if (!reader) {
    const known = FORMAT_READERS.map((r) => r.name).join(', ');
    throw new CulpritParseError('CULPRIT_ERR_UNKNOWN_FORMAT', `not a format Culprit reads (it reads: ${known})`, {
      format: 'input',
      offset: 0,
    });
  }
  const report = reader.read(source, options);
  // Bytes → parsed report → analysis: kinds with their own attribution and bucketing (bug checks)
  // get them here; kernel logs still bucket while reading. The rest get Socorro's signature, from
  // the crashing thread's frames.
  runReportAnalysis(report);
  if (report.signature === undefined && report.threads.length > 0) {
    report.signature = generateSignature(report).signature;
  }
  return report;
}
