// Test-only: writes complete-memory dumps (physical runs in the header) and bitmap dumps (64-bit
// 'SDMP'; 32-bit 'FDMP' in the Windows 8+ layout, 32-bit 'SDMP' in the older _SUMMARY_DUMP32
// layout) for x64, x86 PAE and ARM64, with real page tables, a PsLoadedModuleList, PE headers and a
// stack. Layouts typed in again from mindumpdef.h, the Intel SDM and the Arm ARM (VMSAv8-64, 4 KB
// granule); nothing imported from the parser.
import { Bytes } from './bytes.js';
import { contextBytes } from './records.js';
import type { DriverSpec } from './triage-writer.js';

export interface FullSpec {
  paging: 'x64' | 'pae' | 'arm64';
  /** 'bitmap': DUMP_BITMAP at the end of the header (both sizes); 'summary32': 32-bit _SUMMARY_DUMP32. */
  layout: 'runs' | 'bitmap' | 'summary32';
  bugCheck: number;
  params: [bigint, bigint, bigint, bigint];
  drivers: DriverSpec[];
  context: { ip: bigint; sp: bigint };
  stackValues: bigint[];
  listHead: bigint;
  /**
   * Physical pages the header describes (a last run at 4 GiB, or their bits in the bitmap) whose
   * bytes the writer does not emit: the caller extends the file to `bytes.length + pages * 4096`
   * (a sparse file), as a machine with that much more RAM would have written it.
   */
  unbackedPages?: number;
}

/** First page number of the unbacked stretch: 4 GiB. */
export const UNBACKED_BASE_PAGE = 0x100000;

const PAGE_BYTES = 0x1000;

class Ram {
  readonly pages = new Map<number, Bytes>();
  private free: number[];
  readonly root: number;

  constructor(readonly paging: FullSpec['paging']) {
    // Two separate stretches of RAM, so the dump needs two runs.
    this.free = [...range(0x10, 0x18), ...range(0x200, 0x280)];
    this.root = this.alloc();
  }
  alloc(): number {
    const pfn = this.free.shift();
    if (pfn === undefined) throw new Error('writer RAM exhausted');
    const b = new Bytes();
    b.reserve(PAGE_BYTES);
    this.pages.set(pfn, b);
    return pfn;
  }
  entry(pfn: number, index: number): bigint {
    const p = this.pages.get(pfn)!.done();
    let v = 0n;
    for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(p[index * 8 + i]!);
    return v;
  }
  /** Maps the page holding `va` to a fresh physical page (creating tables as needed); returns it. */
  map(va: bigint): Bytes {
    // x64 and ARM64 (48-bit VA, 4 KB granule) both index 4 levels with 9 bits each.
    const shifts = this.paging === 'pae' ? [30n, 21n, 12n] : [39n, 30n, 21n, 12n];
    let table = this.root;
    for (let level = 0; level < shifts.length; level++) {
      const index = Number((va >> shifts[level]!) & (this.paging === 'pae' && level === 0 ? 3n : 0x1ffn));
      let e = this.entry(table, index);
      if (!(e & 1n)) {
        const pfn = this.alloc();
        // Intel: present | writable. Arm: valid | table/page; the last level also gets the access
        // flag (bit 10) and PXN/UXN (bits 53, 54), which a reader must mask off the address.
        const leaf = level === shifts.length - 1;
        e = (BigInt(pfn) << 12n) | 0x3n | (this.paging === 'arm64' && leaf ? (1n << 10n) | (3n << 53n) : 0n);
        this.pages.get(table)!.u64(index * 8, e);
      }
      table = Number((e >> 12n) & 0xffffffffffn);
    }
    return this.pages.get(table)!;
  }
  write(va: bigint, bytes: Uint8Array): void {
    this.map(va).set(Number(va & 0xfffn), bytes);
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

export function writeFullDump(spec: FullSpec): Uint8Array {
  const is64 = spec.paging !== 'pae';
  const ps: 4 | 8 = is64 ? 8 : 4;
  const ram = new Ram(spec.paging);

  // PE headers of each driver, and the module list: head, then one KLDR_DATA_TABLE_ENTRY per page.
  const entryVa = (i: number) => spec.listHead + BigInt((i + 1) * PAGE_BYTES);
  const links = spec.drivers.map((_, i) => entryVa(i));
  const head = new Bytes();
  head.ptr(0, links[0] ?? spec.listHead, ps);
  head.ptr(ps, links[links.length - 1] ?? spec.listHead, ps);
  ram.write(spec.listHead, head.done());
  spec.drivers.forEach((d, i) => {
    const pe = new Bytes();
    pe.ascii(0, 'MZ');
    pe.u32(0x3c, 0x80);
    pe.ascii(0x80, 'PE\0\0');
    pe.u32(0x88, d.timestamp);
    pe.u32(0x80 + 0x58, 0xc0ffee);
    ram.write(d.base, pe.done());
    const e = new Bytes();
    e.ptr(0, i + 1 < links.length ? links[i + 1]! : spec.listHead, ps);
    e.ptr(ps, i > 0 ? links[i - 1]! : spec.listHead, ps);
    const o = is64 ? { base: 0x30, size: 0x40, name: 0x48, buf: 0x50 } : { base: 0x18, size: 0x20, name: 0x24, buf: 0x28 };
    e.ptr(o.base, d.base, ps);
    e.u32(o.size, d.size);
    e.u16(o.name, d.path.length * 2);
    e.u16(o.name + 2, d.path.length * 2);
    e.ptr(o.buf, links[i]! + 0x200n, ps);
    e.utf16(0x200, d.path);
    ram.write(links[i]!, e.done());
  });
  const stack = new Bytes();
  spec.stackValues.forEach((v, i) => stack.ptr(i * ps, v, ps));
  ram.write(spec.context.sp, stack.done());

  // The file: header, then pages.
  const pfns = [...ram.pages.keys()].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const pfn of pfns) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === pfn) last[1]++;
    else runs.push([pfn, 1]);
  }
  const unbacked = spec.unbackedPages ?? 0;
  if (unbacked > 0) runs.push([UNBACKED_BASE_PAGE, unbacked]);
  const totalPages = pfns.length + unbacked;
  const headerSize = is64 ? 0x2000 : 0x1000;
  const b = new Bytes();
  b.fill(0, headerSize, [0x50, 0x41, 0x47, 0x45]);
  b.ascii(0, is64 ? 'PAGEDU64' : 'PAGEDUMP');
  b.u32(8, 0xf);
  b.u32(0xc, 19041);
  const dtb = BigInt(ram.root) << 12n;
  if (is64) {
    // ARM64: DirectoryTableBase is TTBR1_EL1; an ASID in bits 63:48 is not part of the address.
    b.u64(0x10, spec.paging === 'arm64' ? dtb | (0x2an << 48n) : dtb);
    b.u64(0x20, spec.listHead);
    b.u32(0x30, spec.paging === 'arm64' ? 0xaa64 : 0x8664);
    b.u32(0x34, 2);
    b.u32(0x38, spec.bugCheck);
    spec.params.forEach((p, i) => b.u64(0x40 + i * 8, p));
    b.set(0x348, contextBytes(spec.paging === 'arm64' ? 'arm64' : 'amd64', spec.context.ip, spec.context.sp));
    b.u32(0xf98, spec.layout === 'bitmap' ? 5 : 1);
  } else {
    b.u32(0x10, Number(dtb));
    b.u32(0x18, Number(spec.listHead));
    b.u32(0x20, 0x14c);
    b.u32(0x24, 2);
    b.u32(0x28, spec.bugCheck);
    spec.params.forEach((p, i) => b.u32(0x2c + i * 4, Number(p)));
    b.u8(0x5c, 1); // PaeEnabled
    b.set(0x320, contextBytes('x86', spec.context.ip, spec.context.sp));
    b.u32(0xf88, spec.layout === 'runs' ? 1 : spec.layout === 'bitmap' ? 5 : 2); // full, bitmap full, summary
  }
  let dataAt = headerSize;
  if (spec.layout === 'runs') {
    const d = is64 ? 0x88 : 0x64;
    b.u32(d, runs.length);
    if (is64) b.u64(d + 8, BigInt(totalPages));
    else b.u32(d + 4, totalPages);
    runs.forEach(([base, count], i) => {
      if (is64) {
        b.u64(d + 0x10 + i * 16, BigInt(base));
        b.u64(d + 0x18 + i * 16, BigInt(count));
      } else {
        b.u32(d + 8 + i * 8, base);
        b.u32(d + 12 + i * 8, count);
      }
    });
  } else {
    const bits = unbacked > 0 ? UNBACKED_BASE_PAGE + unbacked : pfns[pfns.length - 1]! + 1;
    const bitmap = new Uint8Array(Math.ceil(bits / 8));
    for (const [base, count] of runs) for (let pfn = base; pfn < base + count; pfn++) bitmap[pfn >> 3]! |= 1 << (pfn & 7);
    if (spec.layout === 'bitmap') {
      // DUMP_BITMAP: 'SDMP'/'FDMP', 'DUMP', reserved to 0x20, u64 FirstPage, TotalPresentPages, Pages, bitmap at 0x38.
      dataAt = Math.ceil((headerSize + 0x38 + bitmap.length) / PAGE_BYTES) * PAGE_BYTES;
      b.ascii(headerSize, is64 ? 'SDMPDUMP' : 'FDMPDUMP');
      b.u64(headerSize + 0x20, BigInt(dataAt));
      b.u64(headerSize + 0x28, BigInt(totalPages));
      b.u64(headerSize + 0x30, BigInt(bits));
      b.set(headerSize + 0x38, bitmap);
    } else {
      // _SUMMARY_DUMP32: 'SDMP', 'DUMP', DumpOptions, HeaderSize, BitmapSize, Pages, RTL_BITMAP {SizeOfBitMap, bits pointer}, bitmap at 0x20.
      dataAt = Math.ceil((headerSize + 0x20 + bitmap.length) / PAGE_BYTES) * PAGE_BYTES;
      b.ascii(headerSize, 'SDMPDUMP');
      b.u32(headerSize + 0x0c, dataAt);
      b.u32(headerSize + 0x10, bits);
      b.u32(headerSize + 0x14, totalPages);
      b.u32(headerSize + 0x18, bits);
      b.u32(headerSize + 0x1c, 0x80123000); // RTL_BITMAP bits pointer: a kernel address, meaningless in the file
      b.set(headerSize + 0x20, bitmap);
    }
  }
  b.reserve(dataAt);
  pfns.forEach((pfn, i) => b.set(dataAt + i * PAGE_BYTES, ram.pages.get(pfn)!.done()));
  return b.done();
}
