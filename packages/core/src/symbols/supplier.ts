/**
 * Finds a module's `.sym` file in Breakpad symbol stores and keeps parsed files for reuse.
 *
 * Store layout (Breakpad SimpleSymbolSupplier, rust-minidump `breakpad_sym_lookup`):
 *   <debug file leaf>/<debug id>/<debug file leaf without .pdb>.sym
 * where a `.pdb` extension is stripped case-insensitively and any other name keeps its
 * extension (`libc.so.6` → `libc.so.6.sym`). Fallbacks tried after that path, in order:
 *   - the debug id in upper case (Breakpad writes ids upper case; some dumps carry lower case);
 *   - the code file's leaf name in place of the debug file (ELF and Mach-O modules without a
 *     debug file record; the reference tools name such modules by their code file).
 * The core reads no files itself: each store is a `SymbolStore` whose `readFile` the platform
 * supplies (see `@culprit/core/node` `folderSymbolStore`).
 *
 * A file whose MODULE id differs from the id it was found under is still used, as
 * rust-minidump does (its `id-mismatch` test data is a CRLF copy of test_app.sym filed under
 * another id, and its SimpleSymbolSupplier loads it without comparing ids); the result carries
 * `idMismatch` so the report can say so.
 */
import { SYMBOL_LIMITS } from './limits.js';
import { parseSymbolFile } from './symbol-file.js';
import type { ModuleRef, SymbolFile, SymbolLookupResult, SymbolSupplier } from './types.js';

/** One symbol store: a folder, an archive, a bucket. */
export interface SymbolStore {
  /** How the store is shown in reports (e.g. its folder). */
  readonly name: string;
  /** The bytes at a `/`-separated store-relative path, or null when there is no such file. */
  readFile(relativePath: string): Uint8Array | null;
}

/** File name part of a Windows or POSIX path. */
function leafName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** `foo.pdb` → `foo.sym` (any case of `.pdb`); other names get `.sym` appended. */
function symFileName(debugLeaf: string): string {
  return /\.pdb$/i.test(debugLeaf) ? `${debugLeaf.slice(0, -4)}.sym` : `${debugLeaf}.sym`;
}

/** Store-relative paths to try for a module, most likely first, without duplicates. */
export function symbolPathCandidates(module: ModuleRef): string[] {
  const ids = [module.debugId.trim(), module.debugId.trim().toUpperCase()].filter((id) => id.length > 0);
  const names = [leafName(module.debugFile.trim()), leafName(module.codeFile.trim())].filter((n) => n.length > 0 && n !== '.' && n !== '..');
  const out: string[] = [];
  for (const name of names) {
    for (const id of ids) {
      if (id.includes('/') || id.includes('\\') || id === '.' || id === '..') continue; // never leave the store
      const p = `${name}/${id}/${symFileName(name)}`;
      if (!out.includes(p)) out.push(p);
    }
  }
  return out;
}

interface CacheEntry {
  result: SymbolLookupResult;
  bytes: number;
}

export interface SupplierOptions {
  /** Parsed files kept (default SYMBOL_LIMITS.cachedFiles). */
  maxFiles?: number;
  /** Bytes of parsed files kept (default SYMBOL_LIMITS.cachedBytes). */
  maxBytes?: number;
  /**
   * Remember lookups that found nothing (default true). A long-running process whose stores
   * receive new files (the service's symbol uploads) turns this off so that a module's symbols
   * are found as soon as they arrive; parsed files are still cached.
   */
  rememberMisses?: boolean;
}

/**
 * A `SymbolSupplier` over one or more stores, searched in order. Results (missing ones too)
 * are kept in a bounded LRU so that a process analysing many dumps parses each file once.
 */
export class BreakpadSymbolSupplier implements SymbolSupplier {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly misses = new Map<string, SymbolLookupResult>();
  private cachedBytes = 0;
  private readonly maxFiles: number;
  private readonly maxBytes: number;
  private readonly rememberMisses: boolean;

  constructor(
    private readonly stores: readonly SymbolStore[],
    options: SupplierOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? SYMBOL_LIMITS.cachedFiles;
    this.maxBytes = options.maxBytes ?? SYMBOL_LIMITS.cachedBytes;
    this.rememberMisses = options.rememberMisses ?? true;
  }

  lookup(module: ModuleRef): SymbolLookupResult {
    const key = [module.debugFile, module.debugId, module.codeFile, module.codeId].join('\n');
    const miss = this.misses.get(key);
    if (miss) return miss;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key); // refresh its place in the LRU order
      this.cache.set(key, hit);
      return hit.result;
    }
    const entry = this.load(module);
    this.remember(key, entry);
    return entry.result;
  }

  private load(module: ModuleRef): CacheEntry {
    const tried = symbolPathCandidates(module);
    for (const path of tried) {
      for (const store of this.stores) {
        let bytes: Uint8Array | null;
        try {
          bytes = store.readFile(path);
        } catch (e) {
          const error = `cannot read: ${e instanceof Error ? e.message : String(e)}`;
          return { result: { status: 'corrupt', error, path, store: store.name }, bytes: 0 };
        }
        if (!bytes) continue;
        return { result: this.parse(bytes, module, path, store.name), bytes: bytes.byteLength };
      }
    }
    return { result: { status: 'missing', tried }, bytes: 0 };
  }

  private parse(bytes: Uint8Array, module: ModuleRef, path: string, store: string): SymbolLookupResult {
    let symbols: SymbolFile;
    try {
      symbols = parseSymbolFile(bytes);
    } catch (e) {
      // Only limits throw (an oversized file); the content itself never does.
      return { status: 'corrupt', error: e instanceof Error ? e.message : String(e), path, store };
    }
    const found = symbols.module?.id;
    const expected = module.debugId.trim();
    const idMismatch = found !== undefined && found.toUpperCase() !== expected.toUpperCase() ? { expected, found } : undefined;
    const status = symbols.warnings.length > 0 ? 'corrupt' : 'found';
    return idMismatch ? { status, symbols, path, store, idMismatch } : { status, symbols, path, store };
  }

  private remember(key: string, entry: CacheEntry): void {
    if (entry.result.status !== 'found' && entry.bytes === 0) {
      if (!this.rememberMisses) return;
      this.misses.set(key, entry.result);
      if (this.misses.size > SYMBOL_LIMITS.cachedMisses) this.misses.delete(this.misses.keys().next().value as string);
      return;
    }
    this.cache.set(key, entry);
    this.cachedBytes += entry.bytes;
    while (this.cache.size > this.maxFiles || (this.cachedBytes > this.maxBytes && this.cache.size > 1)) {
      const oldest = this.cache.keys().next().value as string;
      this.cachedBytes -= this.cache.get(oldest)!.bytes;
      this.cache.delete(oldest);
    }
  }
}
