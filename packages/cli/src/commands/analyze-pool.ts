import { Worker } from 'node:worker_threads';
import type { Outcome, RenderMode } from './analyze.js';
import type { Input } from './inputs.js';

/**
 * The batch on worker threads: each worker analyses and renders whole dumps with its own symbol
 * cache (a symbol file is parsed once per worker), this thread hands out inputs and writes the
 * results in input order, so the output is the same as on one thread.
 */

/** Upper bound on worker threads, whatever `--workers` says. */
const MAX_WORKERS = 16;
/** Inputs queued at each worker, so that it never waits for this thread between dumps. */
const QUEUED_PER_WORKER = 4;

/**
 * Workers for a batch of `inputs` (0 or 1: run on this thread). Only on request (`--workers`):
 * on the shared two-core machine this was measured on, two workers were no faster than one
 * thread (each parses its own symbols and loads its own copy of the code), so one thread stays
 * the default until a quiet machine shows otherwise.
 */
export function workerCount(inputs: number, requested?: number): number {
  if (requested === undefined) return 0;
  return Math.max(0, Math.min(requested, MAX_WORKERS, inputs));
}

export interface PoolOptions {
  /** The script a worker runs: bin/culprit.js, which calls `analyzeWorker` in a worker thread. */
  script: string;
  workers: number;
  symbolsPath: string[];
  render: RenderMode;
}

/** What bin/culprit.js finds in `workerData` of an analysis worker. */
export interface AnalyzeWorkerData {
  culpritAnalyzeWorker: { symbolsPath: string[]; render: RenderMode };
}

export type ToWorker = { index: number; input: Input };
export type FromWorker = { index: number; outcome: Outcome } | { fatal: string };

export function analyzeInWorkers(inputs: readonly Input[], options: PoolOptions, write: (input: Input, outcome: Outcome) => void): Promise<void> {
  const workerData: AnalyzeWorkerData = { culpritAnalyzeWorker: { symbolsPath: options.symbolsPath, render: options.render } };
  const done = new Map<number, Outcome>();
  const workers: Worker[] = [];
  let handedOut = 0;
  let written = 0;
  return new Promise<void>((resolve, reject) => {
    if (inputs.length === 0) return resolve();
    let settled = false;
    const finish = (err?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const feed = (w: Worker): void => {
      if (handedOut < inputs.length) {
        const message: ToWorker = { index: handedOut, input: inputs[handedOut]! };
        handedOut++;
        w.postMessage(message);
      }
    };
    for (let k = 0; k < options.workers; k++) {
      const w = new Worker(options.script, { workerData });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        if ('fatal' in m) return finish(new Error(m.fatal));
        done.set(m.index, m.outcome);
        try {
          while (done.has(written)) {
            const outcome = done.get(written)!;
            done.delete(written);
            write(inputs[written]!, outcome);
            written++;
          }
        } catch (err) {
          return finish(err as Error);
        }
        if (written === inputs.length) return finish();
        feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`analysis worker stopped (exit code ${code}) before the batch was done`));
      });
      for (let j = 0; j < QUEUED_PER_WORKER; j++) feed(w);
    }
  });
}
