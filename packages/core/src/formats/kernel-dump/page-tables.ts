import { PAGE_SIZE } from './constants.js';
import type { PhysicalMemory } from './physical-memory.js';
import type { VirtualMemory } from './virtual-memory.js';

/**
 * Virtual-to-physical translation by walking the page tables the dump captured, from the
 * DirectoryTableBase (CR3) in the header (Intel SDM vol. 3A, ch. 4):
 * - x64: 4 levels of 512 8-byte entries (PML4, PDPT, PD, PT), 1 GiB and 2 MiB large pages;
 * - x86 PAE: a 4-entry PDPT, then PD and PT of 512 8-byte entries, 2 MiB large pages;
 * - x86 without PAE: PD and PT of 1024 4-byte entries, 4 MiB large pages.
 * - arm64: VMSAv8-64 with a 4 KB granule and 48-bit kernel addresses (Arm ARM D8.3): TTBR1_EL1
 *   (the header's DirectoryTableBase, ASID in bits 63:48 dropped) roots 4 levels of 512 8-byte
 *   descriptors; bits 1:0 = 11 is a table (levels 0-2) or a page (level 3), 01 a 1 GiB / 2 MiB
 *   block (levels 1-2); the output address is bits 47:12.
 * A not-present x86/x64 PTE in transition (bit 11 set, prototype bit 10 clear) still names a page
 * that is in RAM, as Windows' memory manager leaves it; we follow it like Volatility does. ARM64
 * software PTE formats are not followed: only valid descriptors translate.
 */
export type PagingMode = 'x64' | 'pae' | 'x86' | 'arm64';

const PRESENT = 1n;
const LARGE = 1n << 7n;
const TRANSITION = 1n << 11n;
const PROTOTYPE = 1n << 10n;
const ADDRESS_MASK = 0x000ffffffffff000n;
const ARM64_OUTPUT_MASK = 0x0000fffffffff000n;
const ARM64_LEVEL_SHIFTS = [39n, 30n, 21n, 12n] as const;

function translateArm64(phys: PhysicalMemory, ttbr: bigint, va: bigint): bigint | null {
  let table = ttbr & ARM64_OUTPUT_MASK;
  for (let level = 0; level < 4; level++) {
    const shift = ARM64_LEVEL_SHIFTS[level]!;
    const d = phys.readU64(table + ((va >> shift) & 0x1ffn) * 8n);
    if (d === null || !(d & 1n)) return null;
    const isTableOrPage = (d & 2n) !== 0n;
    if (level === 3) return isTableOrPage ? (d & ARM64_OUTPUT_MASK) | (va & 0xfffn) : null;
    if (!isTableOrPage) {
      // A block: only at levels 1 (1 GiB) and 2 (2 MiB) with a 4 KB granule.
      if (level === 0) return null;
      const span = 1n << shift;
      return (d & ARM64_OUTPUT_MASK & ~(span - 1n)) | (va & (span - 1n));
    }
    table = d & ARM64_OUTPUT_MASK;
  }
  return null;
}

export function translate(phys: PhysicalMemory, mode: PagingMode, dtb: bigint, va: bigint): bigint | null {
  if (mode === 'arm64') return translateArm64(phys, dtb, va);
  if (mode === 'x64') {
    let table = dtb & ADDRESS_MASK;
    const shifts = [39n, 30n, 21n, 12n];
    for (let level = 0; level < 4; level++) {
      const entry = phys.readU64(table + ((va >> shifts[level]!) & 0x1ffn) * 8n);
      if (entry === null) return null;
      const last = level === 3;
      if (!(entry & PRESENT) && !(last && entry & TRANSITION && !(entry & PROTOTYPE))) return null;
      if (last) return (entry & ADDRESS_MASK) | (va & 0xfffn);
      if ((level === 1 || level === 2) && entry & LARGE) {
        const span = 1n << shifts[level]!;
        return (entry & ADDRESS_MASK & ~(span - 1n)) | (va & (span - 1n));
      }
      table = entry & ADDRESS_MASK;
    }
    return null;
  }
  if (mode === 'pae') {
    const pdpte = phys.readU64((dtb & ~0x1fn) + ((va >> 30n) & 3n) * 8n);
    if (pdpte === null || !(pdpte & PRESENT)) return null;
    const pde = phys.readU64((pdpte & ADDRESS_MASK) + ((va >> 21n) & 0x1ffn) * 8n);
    if (pde === null || !(pde & PRESENT)) return null;
    if (pde & LARGE) return (pde & ADDRESS_MASK & ~0x1fffffn) | (va & 0x1fffffn);
    const pte = phys.readU64((pde & ADDRESS_MASK) + ((va >> 12n) & 0x1ffn) * 8n);
    if (pte === null || (!(pte & PRESENT) && !(pte & TRANSITION && !(pte & PROTOTYPE)))) return null;
    return (pte & ADDRESS_MASK) | (va & 0xfffn);
  }
  const pdeRaw = phys.readU32((dtb & 0xfffff000n) + ((va >> 22n) & 0x3ffn) * 4n);
  if (pdeRaw === null) return null;
  const pde = BigInt(pdeRaw);
  if (!(pde & PRESENT)) return null;
  if (pde & LARGE) return (pde & 0xffc00000n) | (va & 0x3fffffn);
  const pteRaw = phys.readU32((pde & 0xfffff000n) + ((va >> 12n) & 0x3ffn) * 4n);
  if (pteRaw === null) return null;
  const pte = BigInt(pteRaw);
  if (!(pte & PRESENT) && !(pte & TRANSITION && !(pte & PROTOTYPE))) return null;
  return (pte & 0xfffff000n) | (va & 0xfffn);
}

/** Kernel virtual memory of a complete or kernel dump, page by page through the page tables. */
export class PagedMemory implements VirtualMemory {
  constructor(
    private readonly phys: PhysicalMemory,
    readonly mode: PagingMode,
    private readonly dtb: bigint,
  ) {}

  read(address: bigint, length: number): Uint8Array | null {
    if (length <= 0) return new Uint8Array(0);
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const va = address + BigInt(done);
      const pa = translate(this.phys, this.mode, this.dtb, va);
      if (pa === null) return null;
      const chunk = Math.min(length - done, PAGE_SIZE - Number(va & 0xfffn));
      const bytes = this.phys.read(pa, chunk);
      if (!bytes) return null;
      out.set(bytes, done);
      done += chunk;
    }
    return out;
  }
}
