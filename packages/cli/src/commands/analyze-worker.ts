import { parentPort, workerData } from 'node:worker_threads';
import type { ReadOptions } from '@culprit/core';
import { createSymbolSupplier } from '@culprit/core/node';
import { outcomeOf } from './analyze.js';
import type { AnalyzeWorkerData, FromWorker, ToWorker } from './analyze-pool.js';

/**
 * One analysis worker of a batch (analyze-pool.ts): analyses and renders each input it is sent,
 * with one symbol cache for all of them, until the batch terminates it.
 */
export function runAnalyzeWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runAnalyzeWorker runs in a worker thread');
  const { symbolsPath, render } = (workerData as AnalyzeWorkerData).culpritAnalyzeWorker;
  const read: ReadOptions = symbolsPath.length > 0 ? { symbols: createSymbolSupplier(symbolsPath) } : {};
  port.on('message', (m: ToWorker) => {
    let reply: FromWorker;
    try {
      reply = { index: m.index, outcome: outcomeOf(m.input, read, render) };
    } catch (err) {
      // An exception analyzeFile does not turn into a report error: the whole batch stops, as
      // it does on one thread.
      reply = { fatal: `${m.input.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` };
    }
    port.postMessage(reply);
  });
}
