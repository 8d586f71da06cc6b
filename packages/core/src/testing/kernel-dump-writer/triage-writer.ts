// Test-only: writes Windows small memory (triage) dumps, 32-bit ('PAGEDUMP') and 64-bit
// ('PAGEDU64'), from a description. Offsets come from mindumpdef.h / the WRK's triage.h, typed in
// here again on purpose: this file imports nothing from the parser.
import { Bytes, utf16Bytes, u64Bytes } from './bytes.js';
import { contextBytes, exceptionBytes, type WriterArch } from './records.js';

export interface DriverSpec {
  path: string;
  base: bigint;
  size: number;
  timestamp: number;
}

export interface TriageSpec {
  arch: Exclude<WriterArch, 'arm64'>;
  bugCheck: number;
  params: [bigint, bigint, bigint, bigint];
  build?: number;
  processors?: number;
  drivers: DriverSpec[];
  unloaded?: { name: string; start: bigint; end: bigint }[];
  processName?: string;
  /** Header context: the processor state at KeBugCheckEx. */
  context?: { ip: bigint; sp: bigint };
  headerException?: { code: number; address: bigint };
  /** The captured stack: its lowest address and the pointer-sized values on it. */
  stack: { base: bigint; values: bigint[] };
  /** Extra captured memory (exception records, contexts...). */
  blocks?: { address: bigint; bytes: Uint8Array }[];
}

const PAGE = [0x50, 0x41, 0x47, 0x45]; // 'PAGE'

export function writeTriageDump(spec: TriageSpec): Uint8Array {
  const is64 = spec.arch === 'amd64';
  const ps: 4 | 8 = is64 ? 8 : 4;
  const headerSize = is64 ? 0x2000 : 0x1000;
  const b = new Bytes();
  b.fill(0, headerSize, PAGE);
  b.ascii(0, is64 ? 'PAGEDU64' : 'PAGEDUMP');
  b.u32(0x08, 0xf);
  b.u32(0x0c, spec.build ?? 19041);
  const h = is64
    ? { machine: 0x30, cpus: 0x34, code: 0x38, params: 0x40, ctx: 0x348, exc: 0xf00, type: 0xf98, time: 0xfa8, triage: 0x2000 }
    : { machine: 0x20, cpus: 0x24, code: 0x28, params: 0x2c, ctx: 0x320, exc: 0x7d0, type: 0xf88, time: 0xfc0, triage: 0x1000 };
  b.u32(h.machine, is64 ? 0x8664 : 0x14c);
  b.u32(h.cpus, spec.processors ?? 4);
  b.u32(h.code, spec.bugCheck);
  if (is64) b.u32(0x3c, 0);
  spec.params.forEach((p, i) => b.ptr(h.params + i * ps, p, ps));
  b.u32(h.type, 4);
  b.u64(h.time, 132582791020000000n); // 2021-02-21
  if (spec.context) b.set(h.ctx, contextBytes(spec.arch, spec.context.ip, spec.context.sp));
  if (spec.headerException) b.set(h.exc, exceptionBytes(is64, spec.headerException.code, spec.headerException.address));

  // The triage directory, filled in as the parts are appended.
  const t = h.triage;
  b.reserve(t + (is64 ? 0x80 : 0x68));
  const set = (field: number, v: number) => b.u32(t + field * 4, v);

  // Unloaded drivers: count, then {UNICODE_STRING, 12 inline WCHARs, start, end}.
  const unloaded = spec.unloaded ?? [];
  const ul = new Bytes();
  ul.u32(0, unloaded.length);
  const entry = is64 ? 0x38 : 0x28;
  const first = is64 ? 8 : 4;
  unloaded.forEach((u, i) => {
    const e = first + i * entry;
    ul.u16(e, Math.min(u.name.length, 12) * 2);
    ul.u16(e + 2, Math.min(u.name.length, 12) * 2);
    ul.utf16(e + (is64 ? 0x10 : 0x08), u.name.slice(0, 12));
    ul.ptr(e + (is64 ? 0x28 : 0x20), u.start, ps);
    ul.ptr(e + (is64 ? 0x30 : 0x24), u.end, ps);
  });
  ul.reserve(first + unloaded.length * entry);
  set(6, b.append(ul.done()));

  // EPROCESS copy with ImageFileName somewhere inside, then a (blank) ETHREAD.
  const ep = new Bytes();
  ep.reserve(0x600);
  ep.u64(0x10, 0xffffffff12345678n);
  if (spec.processName) ep.ascii(0x448, spec.processName.slice(0, 14));
  const processAt = b.append(ep.done());
  set(8, processAt);
  set(9, b.append(new Uint8Array(0x100)));

  // The stack.
  const stackBytes = u64Bytes(spec.stack.values, ps);
  set(10, b.append(stackBytes));
  set(11, stackBytes.length);

  // Driver list and string pool.
  const names = spec.drivers.map((d) => {
    const s = new Bytes();
    s.u32(0, d.path.length);
    s.set(4, utf16Bytes(d.path));
    s.reserve(4 + d.path.length * 2 + 2);
    return s.done();
  });
  const driverEntry = is64 ? 0x90 : 0x4c;
  const dl = new Bytes();
  dl.reserve(spec.drivers.length * driverEntry);
  const driverListAt = b.append(dl.done());
  const poolAt = Math.ceil(b.length / 8) * 8;
  names.forEach((n, i) => {
    const at = b.append(n, 8);
    const e = driverListAt + i * driverEntry;
    const d = spec.drivers[i]!;
    b.u32(e, at);
    const l = e + (is64 ? 8 : 4);
    b.ptr(l + (is64 ? 0x30 : 0x18), d.base, ps);
    b.u32(l + (is64 ? 0x40 : 0x20), d.size);
    b.u32(l + (is64 ? 0x80 : 0x44), d.timestamp);
  });
  set(12, driverListAt);
  set(13, spec.drivers.length);
  set(14, poolAt);
  set(15, b.length - poolAt);
  set(17, 0xffffffff);
  b.ptr(t + 0x48, spec.stack.base, ps);

  // Data blocks: the table, then their bytes.
  const blocks = spec.blocks ?? [];
  const blockEntry = is64 ? 16 : 12;
  const table = new Bytes();
  table.reserve(blocks.length * blockEntry);
  const tableAt = b.append(table.done());
  blocks.forEach((blk, i) => {
    const at = b.append(blk.bytes, 4);
    const e = tableAt + i * blockEntry;
    b.ptr(e, blk.address, ps);
    b.u32(e + ps, at);
    b.u32(e + ps + 4, blk.bytes.length);
  });
  b.u32(t + (is64 ? 0x78 : 0x60), tableAt);
  b.u32(t + (is64 ? 0x7c : 0x64), blocks.length);

  // The context and exception the header holds, and the 'TRGD' marker that closes the dump.
  set(3, h.ctx);
  set(4, h.exc);
  const validAt = b.append(new Uint8Array([0x54, 0x52, 0x47, 0x44]), 4);
  set(2, validAt);
  set(1, b.length);
  return b.done();
}
