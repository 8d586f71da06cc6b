import type { ServeCliOptions } from '../main.js';

/** `culprit serve`: the service until SIGINT/SIGTERM; flags override CULPRIT_* environment variables. */
export async function runServe(opts: ServeCliOptions): Promise<number> {
  const { startService } = await import('@culprit/service');
  const service = await startService({
    host: opts.host,
    port: opts.port === undefined ? undefined : Number(opts.port),
    dataDir: opts.data,
    symbolPaths: opts.symbolsPath.length > 0 ? opts.symbolsPath : undefined,
    workers: opts.workers === undefined ? undefined : Number(opts.workers),
    requireIngestKeys: opts.requireIngestKeys,
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await service.close();
  return 0;
}
