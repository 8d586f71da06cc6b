import { parentPort, workerData } from 'node:worker_threads';
import type { ReadOptions } from '@culprit/core';
import { createSymbolSupplier } from '@culprit/core/node';
import { outcomeOf } from './analyze.js';
import type { AnalyzeWorkerData, FromWorker, ToWorker } from './analyze-pool.js';

/**
 * One analysis worker of a batch (analyze-pool.ts): analyses and renders each input it is sent,
 * with one symbol cache for all of them, until the batch terminates it.
 */
const encoder = new TextEncoder();

export function runAnalyzeWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runAnalyzeWorker runs in a worker thread');
  const { symbolsPath, render } = (workerData as AnalyzeWorkerData).culpritAnalyzeWorker;
  const read: ReadOptions = symbolsPath.length > 0 ? { symbols: createSymbolSupplier(symbolsPath) } : {};
  port.on('message', (m: ToWorker) => {
    let reply: FromWorker;
    try {
      const outcome = outcomeOf(m.input, read, render);
      // The text goes as UTF-8 bytes whose buffer is handed over: encoded here, in parallel, and
      // neither copied on the way nor encoded again by the writing thread.
      if (outcome.kind !== 'skipped' && typeof outcome.text === 'string') {
        const bytes = encoder.encode(outcome.text);
        port.postMessage({ index: m.index, outcome: { ...outcome, text: bytes } } satisfies FromWorker, [bytes.buffer as ArrayBuffer]);
        return;
      }
      reply = { index: m.index, outcome };
    } catch (err) {
      // An exception analyzeFile does not turn into a report error: the whole batch stops, as
      // it does on one thread.
      reply = { fatal: `${m.input.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` };
    }
    port.postMessage(reply);
  });
}
