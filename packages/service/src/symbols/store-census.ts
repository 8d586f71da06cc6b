import { promises as fsp } from 'node:fs';
import { join } from 'node:path';

/**
 * How many Breakpad symbol files a store folder holds (`<debug file>/<debug id>/<name>.sym`).
 * The walk is bounded: a store on a shared drive may hold millions of files, so past
 * MAX_ENTRIES_WALKED entries it stops and says the counts are partial; deeper than MAX_DEPTH is
 * not a store layout and is not followed.
 */
export const MAX_ENTRIES_WALKED = 200_000;
const MAX_DEPTH = 6;

export interface StoreCensus {
  path: string;
  exists: boolean;
  symFiles: number;
  bytes: number;
  /** The walk stopped at MAX_ENTRIES_WALKED: the counts are a lower bound. */
  partial: boolean;
}

export async function censusOf(path: string): Promise<StoreCensus> {
  const out: StoreCensus = { path, exists: false, symFiles: 0, bytes: 0, partial: false };
  try {
    if (!(await fsp.stat(path)).isDirectory()) return out;
  } catch {
    return out;
  }
  out.exists = true;
  let walked = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    let handle;
    try {
      handle = await fsp.opendir(dir);
    } catch {
      return; // unreadable folder: counted as empty
    }
    for await (const e of handle) {
      if (++walked > MAX_ENTRIES_WALKED) {
        out.partial = true;
        break;
      }
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH) await walk(p, depth + 1);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.sym')) {
        out.symFiles++;
        out.bytes += (await fsp.stat(p).catch(() => ({ size: 0 }))).size;
      }
      if (out.partial) break;
    }
  };
  await walk(path, 0);
  return out;
}
