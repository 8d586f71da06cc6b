/**
 * Addresses → modules → symbols, for one dump. Asks the supplier once per module (the supplier
 * itself keeps parsed files across dumps) and records each module's symbol status.
 *
 * `seemsValid` is Breakpad's `Stackwalker::InstructionAddressSeemsValid`, the filter stack
 * scanning applies to candidate return addresses: the address must be inside a module, and if
 * that module's symbols are loaded (even corrupt ones), inside a FUNC or PUBLIC symbol.
 */
import type { ModuleInfo } from '../report/model.js';
import { ModuleLookup } from '../report/module-lookup.js';
import type { AddressInfo, CfiRuleSet, StackWinInfo, SymbolFile, SymbolSupplier } from '../symbols/types.js';

interface ModuleSymbols {
  status: 'loaded' | 'missing' | 'corrupt';
  file?: SymbolFile;
}

export class FrameSymbolizer {
  private readonly lookup: ModuleLookup;
  private readonly loaded = new Map<number, ModuleSymbols>();

  /** `lookup`: the reader's own index of these same modules, when it built one already. */
  constructor(
    readonly modules: readonly ModuleInfo[],
    private readonly supplier?: SymbolSupplier,
    lookup?: ModuleLookup,
  ) {
    this.lookup = lookup ?? new ModuleLookup(modules);
  }

  moduleAt(address: bigint): number | undefined {
    return this.lookup.find(address);
  }

  /** The module's symbols, loading them on first use; undefined without a supplier. */
  symbolsOf(module: number): ModuleSymbols | undefined {
    if (!this.supplier) return undefined;
    let s = this.loaded.get(module);
    if (s) return s;
    const m = this.modules[module];
    const r = this.supplier.lookup({ debugFile: m.debugFile ?? '', debugId: m.debugId ?? '', codeFile: m.codeFile, codeId: m.codeId ?? '' });
    if (r.status === 'found') s = { status: 'loaded', file: r.symbols };
    else if (r.status === 'corrupt') s = { status: 'corrupt', file: r.symbols };
    else s = { status: 'missing' };
    this.loaded.set(module, s);
    return s;
  }

  /** Symbol file and module-relative address for `address`, if both exist. */
  private at(address: bigint): { file: SymbolFile; offset: bigint } | undefined {
    const module = this.moduleAt(address);
    if (module === undefined) return undefined;
    const file = this.symbolsOf(module)?.file;
    return file ? { file, offset: address - this.modules[module].base } : undefined;
  }

  describe(address: bigint): AddressInfo | undefined {
    const s = this.at(address);
    return s?.file.lookup(s.offset);
  }

  cfiRules(address: bigint): CfiRuleSet | undefined {
    const s = this.at(address);
    return s?.file.findCfiRules(s.offset);
  }

  stackWin(address: bigint): StackWinInfo | undefined {
    const s = this.at(address);
    return s?.file.findStackWin(s.offset);
  }

  seemsValid(address: bigint): boolean {
    const module = this.moduleAt(address);
    if (module === undefined) return false;
    const s = this.symbolsOf(module);
    if (!s || !s.file) return true; // a module without symbols: nothing to contradict it
    const info = s.file.lookup(address - this.modules[module].base);
    return info.function !== undefined || info.public !== undefined;
  }

  /** Symbol status of every module asked about so far. */
  statuses(): Map<number, ModuleSymbols['status']> {
    return new Map([...this.loaded].map(([i, s]) => [i, s.status]));
  }
}
