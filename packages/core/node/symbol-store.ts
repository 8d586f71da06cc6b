import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
// The package's own entry, not ../src: only type imports may reach into src (they are erased);
// a value import would point the built file at sources that are not shipped.
import { BreakpadSymbolSupplier, SYMBOL_LIMITS, type SupplierOptions, type SymbolStore } from '@culprit/core';

/**
 * A Breakpad symbol store in a local folder (`--symbols-path`). A folder that does not exist is
 * a store with no files: every module is reported missing, nothing throws.
 */
export function folderSymbolStore(root: string): SymbolStore {
  const base = resolve(root);
  return {
    name: root,
    readFile(relativePath: string): Uint8Array | null {
      const full = resolve(join(base, ...relativePath.split('/')));
      if (!full.startsWith(base + sep)) return null; // a path that would leave the store
      let size: number;
      try {
        const st = statSync(full);
        if (!st.isFile()) return null;
        size = st.size;
      } catch {
        return null;
      }
      if (size > SYMBOL_LIMITS.symFileBytes) {
        throw new Error(`${full} is ${size} bytes, over the ${SYMBOL_LIMITS.symFileBytes}-byte limit`);
      }
      const data = readFileSync(full);
      // A file's own buffer is used as it is (copying a 4 MB file costs a cold run 2-3 ms); a
      // small file may sit in Node's shared buffer pool, and gets its own copy.
      return data.byteLength === data.buffer.byteLength ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    },
  };
}

/** A supplier searching the given folders in order (repeatable `--symbols-path`). */
export function createSymbolSupplier(paths: readonly string[], options?: SupplierOptions): BreakpadSymbolSupplier {
  return new BreakpadSymbolSupplier(paths.map(folderSymbolStore), options);
}
