import type { ModuleInfo } from './model.js';

/** Address → module index, over modules sorted once by base (binary search per lookup). */
export class ModuleLookup {
  private readonly order: number[];

  constructor(private readonly modules: readonly { base: bigint; size: bigint }[]) {
    // Sorted on the bases as doubles first: Number() rounds monotonically, so a smaller double
    // means a smaller base, and only equal doubles need the (slower) bigint comparison. Equal
    // bases keep their list order (a stable sort), as before.
    const approx = modules.map((m) => Number(m.base));
    this.order = modules
      .map((_, i) => i)
      .sort((a, b) => approx[a] - approx[b] || (modules[a].base < modules[b].base ? -1 : modules[a].base > modules[b].base ? 1 : 0));
  }

  /** Index of the module whose [base, base+size) holds `address`, or undefined. */
  find(address: bigint): number | undefined {
    let lo = 0;
    let hi = this.order.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.modules[this.order[mid]].base <= address) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Overlapping modules are rare but real (a bad list); walk back over those that may hold it.
    for (let i = best; i >= 0 && i > best - 4; i--) {
      const m = this.modules[this.order[i]];
      if (address >= m.base && address - m.base < m.size) return this.order[i];
    }
    return undefined;
  }

  /** Indexes in address order (Breakpad's "module sequence"). */
  byAddress(): readonly number[] {
    return this.order;
  }
}

export type { ModuleInfo };
