import { analyze, CulpritParseError, type CrashReport, type ReadOptions } from '@culprit/core';
import { createSymbolSupplier, FileSource } from '@culprit/core/node';
import type { AnalyzeCliOptions } from '../main.js';
import { renderHuman } from '../output/human/index.js';
import { renderJson } from '../output/json/index.js';

/** `culprit analyze FILE...`: one report per input; exit 1 if any input could not be analyzed. */
export async function runAnalyze(inputs: string[], opts: AnalyzeCliOptions): Promise<number> {
  let failures = 0;
  // One supplier for the whole run: each symbol file is parsed once however many dumps use it.
  const read: ReadOptions = opts.symbolsPath.length > 0 ? { symbols: createSymbolSupplier(opts.symbolsPath) } : {};
  for (const input of inputs) {
    const result = analyzeFile(input, read);
    if ('error' in result) {
      process.stderr.write(`culprit: ${input}: ${result.error}\n`);
      failures++;
      continue;
    }
    const text = opts.json ? renderJson(result.report, { pretty: !!opts.pretty }) : renderHuman(result.report, { brief: !!opts.brief });
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }
  return failures > 0 ? 1 : 0;
}

export function analyzeFile(path: string, options: ReadOptions = {}): { report: CrashReport } | { error: string } {
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
