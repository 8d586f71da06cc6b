import type { FileReader } from '../../io/file-reader.js';
import { CulpritParseError } from '../../io/errors.js';
import type { ByteView } from '../../io/byte-view.js';
import { DUMP_SIGNATURE, DUMP_VALID_DUMP, DUMP_VALID_DUMP64 } from './constants.js';
import { DUMP_HEADER32, DUMP_HEADER64, essentialHeaderBytes, type DumpHeaderLayout } from './header-layout.js';

/** The file header as written, fields that were left as 'PAGE' filler reported as undefined. */
export interface RawDumpHeader {
  is64: boolean;
  layout: DumpHeaderLayout;
  majorVersion: number;
  minorVersion: number;
  directoryTableBase: bigint;
  pfnDataBase: bigint;
  psLoadedModuleList: bigint;
  psActiveProcessHead: bigint;
  machineImageType: number;
  numberProcessors: number;
  bugCheckCode: number;
  bugCheckParameters: bigint[];
  /** Only the 32-bit header says whether PAE paging was on. */
  paeEnabled?: boolean;
  kdDebuggerDataBlock?: bigint;
  dumpType?: number;
  /** Windows FILETIME (100 ns since 1601) of the crash. */
  systemTime?: bigint;
  /** 100 ns units since boot. */
  systemUpTime?: bigint;
  requiredDumpSpace?: bigint;
  productType?: number;
  suiteMask?: number;
  comment?: string;
  /** Bytes of the header that the file actually holds (less than `layout.headerSize` when truncated). */
  availableBytes: number;
}

const FORMAT = 'kernel-dump';

/** Which header the first 8 bytes announce, or null. */
export function headerLayoutOf(head: Uint8Array): DumpHeaderLayout | null {
  if (head.length < 8) return null;
  const dv = new DataView(head.buffer, head.byteOffset, 8);
  if (dv.getUint32(0, true) !== DUMP_SIGNATURE) return null;
  const valid = dv.getUint32(4, true);
  if (valid === DUMP_VALID_DUMP64) return DUMP_HEADER64;
  if (valid === DUMP_VALID_DUMP) return DUMP_HEADER32;
  return null;
}

/**
 * Reads the header. Throws only when even the bug check cannot be read; fields past the end of a
 * truncated file are left undefined (the reader turns that into a warning).
 */
export function readDumpHeader(reader: FileReader): RawDumpHeader {
  const layout = headerLayoutOf(reader.source.read(0, 8));
  if (!layout) {
    throw new CulpritParseError('CULPRIT_ERR_BAD_SIGNATURE', 'not a PAGEDUMP / PAGEDU64 kernel dump header', {
      format: FORMAT,
      part: 'DUMP_HEADER',
      offset: 0,
    });
  }
  const is64 = layout.pointerSize === 8;
  // The essential fields must be there; everything else is read from what the file holds.
  reader.view(0, essentialHeaderBytes(layout), 'DUMP_HEADER');
  const v = reader.viewUpTo(0, layout.headerSize, 'DUMP_HEADER');
  const ptr = (off: number): bigint => (is64 ? v.u64(off) : BigInt(v.u32(off)));
  const filled = (off: number, size: number): boolean => v.has(off, size) && v.u32(off) !== DUMP_SIGNATURE;
  const opt32 = (off: number): number | undefined => (filled(off, 4) ? v.u32(off) : undefined);
  const opt64 = (off: number): bigint | undefined => (filled(off, 8) ? v.u64(off) : undefined);

  const parameters: bigint[] = [];
  for (let i = 0; i < 4; i++) parameters.push(ptr(layout.bugCheckParameters + i * layout.pointerSize));
  return {
    is64,
    layout,
    majorVersion: v.u32(0x08),
    minorVersion: v.u32(0x0c),
    directoryTableBase: ptr(layout.directoryTableBase),
    pfnDataBase: ptr(layout.pfnDataBase),
    psLoadedModuleList: ptr(layout.psLoadedModuleList),
    psActiveProcessHead: ptr(layout.psActiveProcessHead),
    machineImageType: v.u32(layout.machineImageType),
    numberProcessors: v.u32(layout.numberProcessors),
    bugCheckCode: v.u32(layout.bugCheckCode),
    bugCheckParameters: parameters,
    paeEnabled: layout.paeEnabled !== null && v.has(layout.paeEnabled, 1) ? v.u8(layout.paeEnabled) === 1 : undefined,
    kdDebuggerDataBlock: is64 ? opt64(layout.kdDebuggerDataBlock) : toBig(opt32(layout.kdDebuggerDataBlock)),
    dumpType: opt32(layout.dumpType),
    systemTime: opt64(layout.systemTime),
    systemUpTime: opt64(layout.systemUpTime),
    requiredDumpSpace: opt64(layout.requiredDumpSpace),
    productType: opt32(layout.productType),
    suiteMask: opt32(layout.suiteMask),
    comment: readComment(v, layout.comment),
    availableBytes: v.length,
  };
}

function toBig(n: number | undefined): bigint | undefined {
  return n === undefined ? undefined : BigInt(n);
}

function readComment(v: ByteView, offset: number): string | undefined {
  if (!v.has(offset, 128) || v.u32(offset) === DUMP_SIGNATURE) return undefined;
  const text = v.fixedString(offset, 128).trim();
  return text && /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}
