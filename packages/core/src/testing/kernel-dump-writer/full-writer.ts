// Test-only: writes complete-memory dumps (physical runs in the header, 64-bit and 32-bit PAE) and
// bitmap dumps ('SDMP', 64-bit) with real page tables, a PsLoadedModuleList, PE headers and a
// stack. Layouts typed in again from mindumpdef.h and the Intel SDM; nothing imported from the parser.
import { Bytes } from './bytes.js';
import { contextBytes } from './records.js';
import type { DriverSpec } from './triage-writer.js';

export interface FullSpec {
  paging: 'x64' | 'pae';
  layout: 'runs' | 'bitmap';
  bugCheck: number;
  params: [bigint, bigint, bigint, bigint];
  drivers: DriverSpec[];
  context: { ip: bigint; sp: bigint };
  stackValues: bigint[];
  listHead: bigint;
}

const PAGE_BYTES = 0x1000;

class Ram {
  readonly pages = new Map<number, Bytes>();
  private free: number[];
  readonly root: number;

  constructor(readonly paging: 'x64' | 'pae') {
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
    const shifts = this.paging === 'x64' ? [39n, 30n, 21n, 12n] : [30n, 21n, 12n];
    let table = this.root;
    for (let level = 0; level < shifts.length; level++) {
      const index = Number((va >> shifts[level]!) & (this.paging === 'pae' && level === 0 ? 3n : 0x1ffn));
      let e = this.entry(table, index);
      if (!(e & 1n)) {
        const pfn = this.alloc();
        e = (BigInt(pfn) << 12n) | 0x3n; // present, writable
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
  const is64 = spec.paging === 'x64';
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
  const headerSize = is64 ? 0x2000 : 0x1000;
  const b = new Bytes();
  b.fill(0, headerSize, [0x50, 0x41, 0x47, 0x45]);
  b.ascii(0, is64 ? 'PAGEDU64' : 'PAGEDUMP');
  b.u32(8, 0xf);
  b.u32(0xc, 19041);
  const dtb = BigInt(ram.root) << 12n;
  if (is64) {
    b.u64(0x10, dtb);
    b.u64(0x20, spec.listHead);
    b.u32(0x30, 0x8664);
    b.u32(0x34, 2);
    b.u32(0x38, spec.bugCheck);
    spec.params.forEach((p, i) => b.u64(0x40 + i * 8, p));
    b.set(0x348, contextBytes('amd64', spec.context.ip, spec.context.sp));
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
    b.u32(0xf88, 1);
  }
  let dataAt = headerSize;
  if (spec.layout === 'runs') {
    const d = is64 ? 0x88 : 0x64;
    b.u32(d, runs.length);
    if (is64) b.u64(d + 8, BigInt(pfns.length));
    else b.u32(d + 4, pfns.length);
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
    const bits = pfns[pfns.length - 1]! + 1;
    const bitmapBytes = Math.ceil(bits / 8);
    dataAt = Math.ceil((headerSize + 0x38 + bitmapBytes) / PAGE_BYTES) * PAGE_BYTES;
    b.ascii(headerSize, 'SDMPDUMP');
    b.u64(headerSize + 0x20, BigInt(dataAt));
    b.u64(headerSize + 0x28, BigInt(pfns.length));
    b.u64(headerSize + 0x30, BigInt(bits));
    for (const pfn of pfns) b.u8(headerSize + 0x38 + (pfn >> 3), (b.done()[headerSize + 0x38 + (pfn >> 3)] ?? 0) | (1 << (pfn & 7)));
  }
  b.reserve(dataAt);
  pfns.forEach((pfn, i) => b.set(dataAt + i * PAGE_BYTES, ram.pages.get(pfn)!.done()));
  return b.done();
}
