import { bugCheckFrom } from '../vm-guests/bugcheck-fields.js';
import { bugCheckOnlyReport } from '../vm-guests/bugcheck-report.js';
import { reportJson, summarize } from './summarize.js';
import type { AnalysisSummary } from '../workers/protocol.js';

export type FilelessOutcome = { ok: true; summary: AnalysisSummary; reportJson: string } | { ok: false; error: string };

/**
 * The analysis of a report accepted without a file (ingest/fileless.ts): the bug check a VM
 * guest reported, from the stored annotations. A catalogue look-up over a few bounded strings,
 * so it runs in the service process rather than in a worker.
 */
export function analyzeFileless(annotations: string): FilelessOutcome {
  let fields: Record<string, string>;
  try {
    fields = JSON.parse(annotations) as Record<string, string>;
  } catch {
    return { ok: false, error: 'the stored annotations are not JSON.' };
  }
  const b = bugCheckFrom(fields);
  if (!b) return { ok: false, error: 'no dump and no bug check: nothing to analyse.' };
  if (!b.ok) return { ok: false, error: `${b.problem}.` };
  const report = bugCheckOnlyReport(b.bugCheck);
  return { ok: true, summary: summarize(report, []), reportJson: reportJson(report) };
}
