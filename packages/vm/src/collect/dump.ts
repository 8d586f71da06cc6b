import { mkdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { QmpClient } from '../qmp/client.js';
import { isQmpObject } from '../qmp/json.js';
import { VM_LIMITS } from '../limits.js';

/** QMP `DumpGuestMemoryFormat` values we offer (qapi/dump.json). */
export type DumpFormat = 'none' | 'elf' | 'kdump-zlib' | 'win-dmp';

export interface DumpOptions {
  format: DumpFormat;
  dir: string;
  /** Largest dump to keep, in bytes. */
  budgetBytes: number;
}

export type DumpResult =
  | { taken: true; path: string; format: DumpFormat; bytes: number; ms: number }
  | { taken: false; reason: string };

/**
 * Writes the guest's memory with `dump-guest-memory` (paging off: physical memory, what crash(8)
 * and WinDbg want) within a size budget. An ELF dump is as large as guest RAM, so it is refused up
 * front when RAM exceeds the budget; compressed formats are checked after writing and deleted when
 * too large. `detach` keeps QMP answering while QEMU writes; we poll `query-dump`.
 */
export async function dumpGuestMemory(qmp: QmpClient, vmName: string, opts: DumpOptions, now = new Date()): Promise<DumpResult> {
  if (opts.format === 'none') return { taken: false, reason: 'no dump requested (--dump none)' };
  const ram = await guestRam(qmp).catch(() => undefined);
  if (opts.format === 'elf' && ram !== undefined && ram > opts.budgetBytes) {
    return { taken: false, reason: `an ELF dump would be about ${ram} bytes (guest RAM), over the ${opts.budgetBytes}-byte budget; try --dump kdump-zlib` };
  }
  await mkdir(opts.dir, { recursive: true });
  const ext = opts.format === 'elf' ? 'elf' : opts.format === 'win-dmp' ? 'dmp' : 'kdump';
  const safe = vmName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'vm';
  const path = join(opts.dir, `${safe}-${now.toISOString().replace(/[:.]/g, '-')}.${ext}`);
  const t0 = Date.now();
  try {
    await qmp.execute('dump-guest-memory', { paging: false, protocol: `file:${path}`, detach: true, format: opts.format });
    for (;;) {
      const q = await qmp.execute('query-dump');
      const st = isQmpObject(q) && typeof q.status === 'string' ? q.status : 'failed';
      if (st === 'completed') break;
      if (st === 'failed') throw new Error('QEMU reports the dump failed');
      if (Date.now() - t0 > VM_LIMITS.dumpMs) throw new Error(`dump not finished within ${VM_LIMITS.dumpMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await unlink(path).catch(() => undefined);
    return { taken: false, reason: `dump-guest-memory failed: ${(err as Error).message}` };
  }
  const bytes = (await stat(path)).size;
  if (bytes > opts.budgetBytes) {
    await unlink(path).catch(() => undefined);
    return { taken: false, reason: `the ${opts.format} dump was ${bytes} bytes, over the ${opts.budgetBytes}-byte budget: deleted` };
  }
  return { taken: true, path, format: opts.format, bytes, ms: Date.now() - t0 };
}

async function guestRam(qmp: QmpClient): Promise<number | undefined> {
  const r = await qmp.execute('query-memory-size-summary');
  if (!isQmpObject(r)) return undefined;
  const base = typeof r['base-memory'] === 'number' ? r['base-memory'] : undefined;
  const plugged = typeof r['plugged-memory'] === 'number' ? r['plugged-memory'] : 0;
  return base === undefined ? undefined : base + plugged;
}

/** Parses sizes like 512M, 2G, 1048576. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.floor(Number(m[1]) * mult);
}
