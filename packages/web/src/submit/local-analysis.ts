import type { ViewReport } from '../report/view-model.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/** Sniffing needs only the head of a file (the core reads at most 64 KiB to decide). */
const SNIFF_BYTES = 64 * 1024;
/** Past this the file is better sent: the whole dump has to sit in the tab's memory. */
export const LOCAL_ANALYSIS_LIMIT = 512 * 1024 * 1024;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: WorkerReply) => void>();

function call(op: WorkerRequest['op'], bytes: ArrayBuffer): Promise<WorkerReply> {
  if (!worker) {
    worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
  }
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, op, bytes } satisfies WorkerRequest, [bytes]);
  });
}

export async function sniffFile(file: Blob): Promise<{ id: string; name: string } | null> {
  const r = await call('sniff', await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (!r.ok) throw new Error(r.message);
  return r.op === 'sniff' ? r.format : null;
}

export async function analyzeFile(file: Blob): Promise<ViewReport> {
  const r = await call('analyze', await file.arrayBuffer());
  if (!r.ok) throw new Error(r.message);
  if (r.op !== 'analyze') throw new Error('unexpected worker reply');
  return r.report;
}
