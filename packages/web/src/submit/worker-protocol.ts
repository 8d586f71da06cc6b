import type { ViewReport } from '../report/view-model.js';

export type WorkerRequest = { id: number; op: 'sniff' | 'analyze'; bytes: ArrayBuffer };

export type WorkerReply =
  | { id: number; ok: true; op: 'sniff'; format: { id: string; name: string } | null }
  | { id: number; ok: true; op: 'analyze'; report: ViewReport }
  | { id: number; ok: false; message: string };
