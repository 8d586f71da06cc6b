import { fork, type ChildProcess } from 'node:child_process';
import type { LocalFile } from '../storage/blob-store.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysisRequest, AnalysisResponse } from './protocol.js';

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  memoryMb: number;
}

/** Why a worker was lost; the report records it, and the job is retried a bounded number of times. */
export class WorkerLostError extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerLostError';
  }
}

/** How often the pool samples a busy worker's resident memory (the heap flag misses Buffers). */
const RSS_SAMPLE_MS = 250;

interface Slot {
  child: ChildProcess;
  busy: boolean;
  stderrTail: string;
}

/**
 * Analysis worker processes, apart from the process taking uploads: a dump that hangs, crashes
 * or exhausts memory takes down only its worker, which is replaced. Each child runs with a V8
 * heap cap; the pool adds a wall-clock limit and a resident-memory check.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextJobId = 1;
  private closed = false;

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.size; i++) this.slots.push(this.spawn());
  }

  get idle(): number {
    return this.closed ? 0 : this.slots.filter((s) => !s.busy).length;
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Runs one analysis on an idle worker. When every worker is busy (the processor may claim work
   * while a lost worker is being replaced), the job waits for the next free one instead of failing.
   */
  async run(dump: LocalFile, symbolPaths: string[], testHooks: boolean): Promise<AnalysisResponse> {
    const slot = await this.acquire();
    return this.runOn(slot, dump, symbolPaths, testHooks);
  }

  /** Jobs waiting for a worker, in arrival order. */
  private readonly waiting: ((slot: Slot | null) => void)[] = [];

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const slot = this.slots.find((s) => !s.busy);
    if (slot) {
      slot.busy = true;
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push((s) => (s ? resolve(s) : reject(new Error('the worker pool is closed'))));
    });
  }

  /** A worker became free (or was replaced): hand it to the oldest waiting job. */
  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next && !this.closed) next(slot);
    else slot.busy = false;
  }

  private runOn(slot: Slot, dump: LocalFile, symbolPaths: string[], testHooks: boolean): Promise<AnalysisResponse> {
    const req: AnalysisRequest = { jobId: this.nextJobId++, path: dump.path, window: dump.window, symbolPaths, testHooks };
    return new Promise<AnalysisResponse>((resolve, reject) => {
      const { child } = slot;
      let done = false;
      const finish = (err: Error | null, res?: AnalysisResponse): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(sampler);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (err) this.replace(slot);
        else this.release(slot);
        if (err) reject(err);
        else resolve(res!);
      };
      const onMessage = (m: AnalysisResponse): void => {
        if (m.jobId === req.jobId) finish(null, m);
      };
      const onExit = (code: number | null, signal: string | null): void => {
        const oom = /heap out of memory|Allocation failed/i.test(slot.stderrTail);
        if (oom) finish(new WorkerLostError('memory', `analysis exceeded the ${this.opts.memoryMb} MB memory limit`), undefined);
        else finish(new WorkerLostError('crash', `analysis worker died (${signal ?? `exit code ${code}`})${lastLine(slot.stderrTail)}`));
      };
      const timer = setTimeout(() => {
        finish(new WorkerLostError('timeout', `analysis took longer than ${this.opts.timeoutMs} ms`));
      }, this.opts.timeoutMs);
      const sampler = setInterval(() => {
        const rss = residentMb(child.pid);
        if (rss !== null && rss > this.opts.memoryMb * 1.5) {
          finish(new WorkerLostError('memory', `analysis exceeded the ${this.opts.memoryMb} MB memory limit (${rss} MB resident)`));
        }
      }, RSS_SAMPLE_MS);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(req);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w(null);
    await Promise.all(this.slots.map((s) => killAndWait(s.child)));
  }

  private spawn(): Slot {
    const script = workerScript();
    const execArgv = [...script.execArgv, `--max-old-space-size=${this.opts.memoryMb}`];
    const child = fork(script.path, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    const slot: Slot = { child, busy: false, stderrTail: '' };
    child.stderr!.on('data', (d: Buffer) => {
      slot.stderrTail = (slot.stderrTail + d.toString('utf8')).slice(-4096);
    });
    child.on('error', () => {}); // surfaced through 'exit'
    return slot;
  }

  private replace(slot: Slot): void {
    void killAndWait(slot.child);
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) {
      const fresh = this.spawn();
      fresh.busy = true;
      this.slots[i] = fresh;
      this.release(fresh);
    }
  }
}

/** The compiled worker under dist/, or the TypeScript source when the service itself runs through tsx (tests). */
function workerScript(): { path: string; execArgv: string[] } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) return { path: fileURLToPath(new URL('./analysis-worker.ts', self)), execArgv: ['--import', 'tsx'] };
  return { path: fileURLToPath(new URL('./analysis-worker.js', self)), execArgv: [] };
}

function residentMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function lastLine(text: string): string {
  const line = text.trim().split('\n').filter(Boolean).pop();
  return line ? `: ${line.slice(0, 300)}` : '';
}

function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
