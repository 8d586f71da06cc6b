/** Messages between the pool (service process) and an analysis worker process. */
export interface AnalysisRequest {
  jobId: number;
  /** Local path of the dump; the worker reads it lazily. */
  path: string;
  /** The dump's bytes within that file, when it shares the file with others (the intake journal). */
  window?: { offset: number; length: number };
  /** Breakpad symbol store folders, searched in order. */
  symbolPaths: string[];
  testHooks: boolean;
}

export interface ModuleSummary {
  codeFile: string;
  debugFile: string | null;
  debugId: string | null;
  version: string | null;
  hasSymbols: boolean;
}

/** The indexed facts of a processed report; the whole report travels as JSON text beside it. */
export interface AnalysisSummary {
  kind: string;
  format: string;
  signature: string;
  crashReason: string | null;
  osName: string | null;
  osVersion: string | null;
  cpuArch: string | null;
  culpritName: string | null;
  culpritVersion: string | null;
  /** The culprit module's PE timestamp and ELF build id, and whether it is the main executable. */
  culpritTimestamp: number | null;
  culpritBuildId: string | null;
  culpritMain: boolean;
  culpritThirdParty: boolean | null;
  modules: ModuleSummary[];
  warnings: number;
}

export type AnalysisResponse =
  | { jobId: number; ok: true; summary: AnalysisSummary; reportJson: string }
  /** The input itself is unusable (parse error): retrying cannot help. */
  | { jobId: number; ok: false; permanent: true; error: string };
