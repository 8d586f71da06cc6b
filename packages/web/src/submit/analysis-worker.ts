/// <reference lib="webworker" />
import { analyze, BufferSource, sniffFormat } from '@culprit/core';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * Runs the core library off the page's thread: a large dump does not freeze the page, and the
 * core (the largest part of the app) loads only when a file is picked. No network access here:
 * bytes in, report out.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  let reply: WorkerReply;
  try {
    const source = new BufferSource(new Uint8Array(req.bytes));
    if (req.op === 'sniff') {
      const reader = sniffFormat(source);
      reply = { id: req.id, ok: true, op: 'sniff', format: reader ? { id: reader.id, name: reader.name } : null };
    } else {
      const report = analyze(source);
      // Format details can be large and hold values that do not clone; the page shows the rest.
      const { details: _details, ...shown } = report;
      reply = { id: req.id, ok: true, op: 'analyze', report: JSON.parse(JSON.stringify(shown, (_k, v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v))) };
    }
  } catch (err) {
    reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
