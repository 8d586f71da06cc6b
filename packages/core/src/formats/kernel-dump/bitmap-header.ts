import type { FileReader } from '../../io/file-reader.js';
import { CulpritParseError } from '../../io/errors.js';
import { DUMP_FULL_SIGNATURE, DUMP_SUMMARY_SIGNATURE, DUMP_VALID_DUMP } from './constants.js';
import type { RawDumpHeader } from './header.js';
import { KERNEL_DUMP_LIMITS } from './limits.js';

/**
 * The header of the page bitmap that follows the file header of bitmap dumps. Two layouts exist:
 *
 * - `DUMP_BITMAP` (Windows 8 and later, 64-bit and 32-bit alike; rizin's `dmp_bv_header`,
 *   Volatility 3's `_SUMMARY_DUMP` in `crash_common.json`, which it applies to both header sizes):
 *   'SDMP' / 'FDMP', 'DUMP', reserved up to 0x20, then u64 FirstPage (file offset of the first
 *   page), u64 TotalPresentPages, u64 Pages (bits in the bitmap), the bitmap from 0x38.
 * - `_SUMMARY_DUMP32` (the older 32-bit kernel summary dump, type information of the WDK 10
 *   kernel): 'SDMP', 'DUMP', u32 DumpOptions, u32 HeaderSize (file offset of the first page),
 *   u32 BitmapSize (bits), u32 Pages (present pages), an `RTL_BITMAP` {SizeOfBitMap, bits pointer} at
 *   0x18, the bitmap from 0x20.
 *
 * Bit n set = physical page n is in the file; pages are stored in ascending order from the first.
 */
export interface RawBitmapHeader {
  layout: 'DUMP_BITMAP' | 'SUMMARY_DUMP32';
  signature: 'SDMP' | 'FDMP';
  /** File offset of the first stored page. */
  firstPage: number;
  /** Pages the header says are present. */
  presentPages: number;
  /** Bits in the bitmap (= highest physical page + 1). */
  bits: number;
  /** File offset of the first bitmap byte. */
  bitmapOffset: number;
}

const FORMAT = { format: 'kernel-dump', part: 'BITMAP_DUMP' } as const;
const DUMP_BITMAP_SIZE = 0x38;
const SUMMARY_DUMP32_SIZE = 0x20;

/** Whether the bytes after the file header start a bitmap header ('SDMP' / 'FDMP' + 'DUMP'). */
export function isBitmapDump(reader: FileReader, header: RawDumpHeader): boolean {
  if (reader.size < header.layout.headerSize + 8) return false;
  const v = reader.view(header.layout.headerSize, 8, 'BITMAP_DUMP');
  const sig = v.u32(0);
  return (sig === DUMP_SUMMARY_SIGNATURE || sig === DUMP_FULL_SIGNATURE) && v.u32(4) === DUMP_VALID_DUMP;
}

export function readBitmapHeader(reader: FileReader, header: RawDumpHeader): RawBitmapHeader {
  const at = header.layout.headerSize;
  const h = reader.view(at, DUMP_BITMAP_SIZE, 'BITMAP_DUMP');
  const signature = h.u32(0) === DUMP_FULL_SIGNATURE ? 'FDMP' : 'SDMP';
  const modern: RawBitmapHeader = {
    layout: 'DUMP_BITMAP',
    signature,
    firstPage: h.u64n(0x20, 'FirstPage'),
    presentPages: h.u64n(0x28, 'TotalPresentPages'),
    bits: h.u64n(0x30, 'Pages'),
    bitmapOffset: at + DUMP_BITMAP_SIZE,
  };
  if (header.is64) return checked(modern, at + 0x30);
  // A 32-bit file may hold either layout. Each one's fields must agree with themselves: the pages
  // start after the bitmap, and (older layout) the RTL_BITMAP repeats the bit count.
  if (consistent(modern)) return checked(modern, at + 0x30);
  const legacy: RawBitmapHeader = {
    layout: 'SUMMARY_DUMP32',
    signature,
    firstPage: h.u32(0x0c),
    presentPages: h.u32(0x14),
    bits: h.u32(0x10),
    bitmapOffset: at + SUMMARY_DUMP32_SIZE,
  };
  if (legacy.bits > 0 && h.u32(0x18) === legacy.bits && consistent(legacy)) return checked(legacy, at + 0x10);
  throw new CulpritParseError('CULPRIT_ERR_BAD_VALUE', 'the 32-bit bitmap header matches neither the DUMP_BITMAP nor the _SUMMARY_DUMP32 layout', {
    ...FORMAT,
    offset: at,
  });
}

/** The pages begin at or after the end of the bitmap, and the bitmap is not empty. */
function consistent(b: RawBitmapHeader): boolean {
  return b.bits > 0 && b.bits <= KERNEL_DUMP_LIMITS.bitmapPages && b.firstPage >= b.bitmapOffset + Math.ceil(b.bits / 8);
}

function checked(b: RawBitmapHeader, bitsAt: number): RawBitmapHeader {
  if (b.bits > KERNEL_DUMP_LIMITS.bitmapPages) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `bitmap of ${b.bits} pages`, { ...FORMAT, offset: bitsAt });
  }
  return b;
}
