import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, CulpritParseError, sniffFormat, type CrashReport, type ReadOptions } from '@culprit/core';
import { createSymbolSupplier, FileSource } from '@culprit/core/node';
import type { AnalyzeCliOptions } from '../main.js';
import { renderHuman } from '../output/human/index.js';
import { renderJson, bigintReplacer, jsonDocument } from '../output/json/index.js';
import { expandInputs } from './inputs.js';
import { startProgress } from '../output/progress.js';

/**
 * `culprit analyze FILE_OR_DIR...`. One file: its report. Many (or folders): the warm batch path
 * the service uses — one process, one symbol cache — with a progress bar on a terminal, JSON lines
 * (`--jsonl`, or `--json` with several inputs) or one JSON file per dump (`--out-dir`).
 * Exit code 1 if any named file could not be analyzed.
 */
export async function runAnalyze(paths: string[], opts: AnalyzeCliOptions): Promise<number> {
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

  for (const input of inputs) {
    const result = analyzeFile(input.path, read, input.fromFolder);
    progress?.tick(input.path);
    if ('skipped' in result) {
      skipped++;
      continue;
    }
    if ('error' in result) {
      failures++;
      if (jsonLines) process.stdout.write(JSON.stringify({ file: input.path, error: result.error }) + '\n');
      else progress?.log(`culprit: ${input.path}: ${result.error}`) ?? process.stderr.write(`culprit: ${input.path}: ${result.error}\n`);
      continue;
    }
    analyzed++;
    if (opts.outDir) {
      writeFileSync(join(opts.outDir, uniqueName(basename(input.path), usedNames) + '.json'), renderJson(result.report, { pretty: !!opts.pretty }) + '\n');
    } else if (jsonLines) {
      process.stdout.write(JSON.stringify({ file: input.path, report: jsonDocument(result.report) }, bigintReplacer) + '\n');
    } else {
      const text = opts.json ? renderJson(result.report, { pretty: !!opts.pretty }) : renderHuman(result.report, { brief: !!opts.brief });
      if (batch) process.stdout.write(`==> ${input.path} <==\n`);
      process.stdout.write(text.endsWith('\n') ? text : text + '\n');
      if (batch) process.stdout.write('\n');
    }
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
