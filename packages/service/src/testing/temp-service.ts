import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService, type Service } from '../service.js';
import type { ServiceOptions } from '../config.js';
import type { Answer } from '../answers/compose.js';

/** TEST-ONLY. A service on a fresh temporary data folder, removed by `close()`. */
export async function tempService(opts: ServiceOptions & { processing?: boolean } = {}): Promise<Service & { admin: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'culprit-service-'));
  const service = await createService({ workers: 1, ...opts, dataDir });
  return {
    ...service,
    admin: service.bootstrapToken!,
    async dispose() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** TEST-ONLY. Polls the public answer until the report leaves the queue (no timed assertions: the test's own timeout bounds it). */
export async function waitForAnswer(service: Service, id: string): Promise<Answer> {
  for (;;) {
    const r = await service.app.inject({ url: `/api/answers/${id}` });
    const a = r.json();
    if (a.status === 'processed' || a.status === 'failed') return a;
    await new Promise((res) => setTimeout(res, 50));
  }
}
