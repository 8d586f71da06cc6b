import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, CulpritParseError, sniffFormat, type CrashReport, type ReadOptions } from '@culprit/core';
import { createSymbolSupplier, FileSource } from '@culprit/core/node';
import type { AnalyzeCliOptions } from '../main.js';
import { renderHuman } from '../output/human/index.js';
import { BufferedOutput } from './buffered-output.js';
import { renderJson, stringifyWithBigints, jsonDocument, usesStackwalkSchema } from '../output/json/index.js';
import { expandInputs, type Input } from './inputs.js';
import { startProgress } from '../output/progress.js';
import { analyzeInWorkers, workerCount } from './analyze-pool.js';

/** How the process was started, for the batch's worker threads. */
export interface AnalyzeEnvironment {
  /** The script a worker thread runs (bin/culprit.js); without it the batch runs on this thread. */
  workerScript?: string;
}

/** How each report is written (the same on this thread and in workers). */
export interface RenderMode {
  outDir: boolean;
  jsonLines: boolean;
  json: boolean;
  pretty: boolean;
  brief: boolean;
}

/** One input's result, rendered: `text` is exactly what is written for it. */
/** One input's result; `text` is what goes to standard output (UTF-8 bytes when a worker thread made it). */
export type Outcome = { kind: 'skipped' } | { kind: 'error'; error: string; text: string | Uint8Array } | { kind: 'report'; text: string | Uint8Array };

/** Analyses and renders one input. */
export function outcomeOf(input: Input, read: ReadOptions, mode: RenderMode): Outcome {
  const result = analyzeFile(input.path, read, input.fromFolder);
  if ('skipped' in result) return { kind: 'skipped' };
  if ('error' in result) return { kind: 'error', error: result.error, text: JSON.stringify({ file: input.path, error: result.error }) + '\n' };
  if (mode.outDir) return { kind: 'report', text: renderJson(result.report, { pretty: mode.pretty }) + '\n' };
  if (mode.jsonLines) return { kind: 'report', text: stringifyWithBigints({ file: input.path, report: jsonDocument(result.report) }, !usesStackwalkSchema(result.report)) + '\n' };
  const text = mode.json ? renderJson(result.report, { pretty: mode.pretty }) : renderHuman(result.report, { brief: mode.brief });
  return { kind: 'report', text: text.endsWith('\n') ? text : text + '\n' };
}

/**
 * `culprit analyze FILE_OR_DIR...`. One file: its report. Many (or folders): the warm batch path
 * the service uses — one process, one symbol cache — with a progress bar on a terminal, JSON lines
 * (`--jsonl`, or `--json` with several inputs) or one JSON file per dump (`--out-dir`).
 * Exit code 1 if any named file could not be analyzed.
 */
export async function runAnalyze(paths: string[], opts: AnalyzeCliOptions, env: AnalyzeEnvironment = {}): Promise<number> {
  const { inputs, errors } = expandInputs(paths);
  for (const e of errors) process.stderr.write(`culprit: ${e.path}: ${e.message}\n`);
  // One supplier for the whole run: each symbol file is parsed once however many dumps use it.
  const read: ReadOptions = opts.symbolsPath.length > 0 ? { symbols: createSymbolSupplier(opts.symbolsPath) } : {};
  const batch = inputs.length > 1 || paths.length > 1 || inputs.some((i) => i.fromFolder);
  const jsonLines = !!opts.jsonl || (batch && !!opts.json && !opts.outDir);
  if (opts.outDir) mkdirSync(opts.outDir, { recursive: true });
  const progress = batch && opts.progress !== false ? startProgress(inputs.length) : null;
  const usedNames = new Set<string>();
  let failures = errors.length;
  let analyzed = 0;
  let skipped = 0;
  const started = performance.now();

  const render: RenderMode = { outDir: !!opts.outDir, jsonLines, json: !!opts.json, pretty: !!opts.pretty, brief: !!opts.brief };
  const stdout = new BufferedOutput((text) => process.stdout.write(text));
  const write = (input: Input, outcome: Outcome): void => {
    progress?.tick(input.path);
    if (outcome.kind === 'skipped') {
      skipped++;
      return;
    }
    if (outcome.kind === 'error') {
      failures++;
      if (jsonLines) stdout.write(outcome.text);
      else progress?.log(`culprit: ${input.path}: ${outcome.error}`) ?? process.stderr.write(`culprit: ${input.path}: ${outcome.error}\n`);
      return;
    }
    analyzed++;
    if (opts.outDir) {
      writeFileSync(join(opts.outDir, uniqueName(basename(input.path), usedNames) + '.json'), outcome.text);
    } else if (jsonLines) {
      stdout.write(outcome.text);
    } else {
      if (batch) stdout.write(`==> ${input.path} <==\n`);
      stdout.write(outcome.text);
      if (batch) stdout.write('\n');
    }
  };

  const workers = batch && env.workerScript ? workerCount(inputs.length, opts.workers) : 0;
  try {
    if (workers > 1) {
      // Both cores: workers analyse and render, this thread writes in input order.
      await analyzeInWorkers(inputs, { script: env.workerScript!, workers, symbolsPath: opts.symbolsPath, render }, write);
    } else {
      for (const input of inputs) write(input, outcomeOf(input, read, render));
    }
  } finally {
    stdout.flush();
  }
  progress?.stop();
  if (batch) {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `culprit: ${analyzed} analyzed, ${failures} failed, ${skipped} skipped (not crash files) in ${seconds.toFixed(2)} s` +
        (analyzed > 0 ? ` (${(analyzed / seconds).toFixed(1)} per second)` : '') +
        (opts.outDir ? `; reports written to ${opts.outDir}` : '') +
        '\n',
    );
  }
  return failures > 0 ? 1 : 0;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++) candidate = `${name}.${i}`;
  used.add(candidate);
  return candidate;
}

export function analyzeFile(
  path: string,
  options: ReadOptions = {},
  skipUnknown = false,
): { report: CrashReport } | { error: string } | { skipped: true } {
  let source: FileSource;
  try {
    source = new FileSource(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file; check the path.' };
    if (code === 'EISDIR') return { error: 'is a folder; pass the dump files inside it.' };
    if (code === 'EACCES') return { error: 'permission denied; check the file is readable.' };
    return { error: `cannot open: ${(err as Error).message}` };
  }
  try {
    if (skipUnknown && !sniffFormat(source)) return { skipped: true };
    return { report: analyze(source, options) };
  } catch (err) {
    if (err instanceof CulpritParseError) {
      return { error: `${err.message}. The file is damaged or not a crash dump Culprit reads.` };
    }
    throw err;
  } finally {
    source.close();
  }
}
