import type { FileReader } from '../../io/file-reader.js';
import { CulpritParseError } from '../../io/errors.js';
import { LIMITS } from '../../io/limits.js';
import { PAGE_SIZE } from './constants.js';
import { readBitmapHeader, type RawBitmapHeader } from './bitmap-header.js';
import type { RawDumpHeader } from './header.js';
import { KERNEL_DUMP_LIMITS } from './limits.js';

/** `pageCount` physical pages from page number `basePage`, stored contiguously from `fileOffset`. */
export interface PhysicalRun {
  basePage: bigint;
  pageCount: number;
  fileOffset: number;
}

export interface PhysicalLayout {
  kind: 'runs' | 'bitmap';
  runs: PhysicalRun[];
  /** Pages the dump holds. */
  pages: number;
  /** Pages the header claims (runs: NumberOfPages; bitmap: TotalPresentPages). */
  claimedPages: number;
  /** Bitmap dumps: 'SDMP' (kernel / automatic) or 'FDMP' (complete). */
  bitmapSignature?: string;
  /** Bitmap dumps: which bitmap header layout the file uses. */
  bitmapLayout?: RawBitmapHeader['layout'];
}

const FORMAT = { format: 'kernel-dump' } as const;

/**
 * `PHYSICAL_MEMORY_DESCRIPTOR` in the header: NumberOfRuns, NumberOfPages, then runs of
 * {BasePage, PageCount} (u32 pairs after two u32 in 32-bit dumps, u64 pairs after u32+pad+u64 in
 * 64-bit ones). Pages follow the header in run order.
 */
export function readPhysicalRuns(reader: FileReader, header: RawDumpHeader): PhysicalLayout {
  const l = header.layout;
  const v = reader.view(l.physicalMemoryBlock, l.physicalMemoryBlockSize, 'PHYSICAL_MEMORY_DESCRIPTOR');
  const count = v.u32(0);
  const is64 = header.is64;
  const runSize = is64 ? 16 : 8;
  const first = is64 ? 16 : 8;
  if (count > KERNEL_DUMP_LIMITS.physicalRuns || first + count * runSize > l.physicalMemoryBlockSize) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `${count} physical memory runs do not fit the descriptor`, {
      ...FORMAT,
      part: 'PHYSICAL_MEMORY_DESCRIPTOR',
      offset: l.physicalMemoryBlock,
    });
  }
  const claimed = is64 ? v.u64n(8, 'NumberOfPages') : v.u32(4);
  const runs: PhysicalRun[] = [];
  let fileOffset = l.headerSize;
  for (let i = 0; i < count; i++) {
    const o = first + i * runSize;
    const basePage = is64 ? v.u64(o) : BigInt(v.u32(o));
    const pageCount = is64 ? v.u64n(o + 8, 'PageCount') : v.u32(o + 4);
    runs.push({ basePage, pageCount, fileOffset });
    fileOffset += pageCount * PAGE_SIZE;
  }
  return { kind: 'runs', runs, pages: runs.reduce((n, r) => n + r.pageCount, 0), claimedPages: claimed };
}

/**
 * Bitmap dumps: the runs of set bits in the page bitmap (see bitmap-header.ts for its header).
 * Pages are stored in ascending order of page number from the header's first-page offset.
 */
export function readBitmapRuns(reader: FileReader, header: RawDumpHeader): PhysicalLayout {
  const bh = readBitmapHeader(reader, header);
  const { bits, firstPage } = bh;
  const bitmapAt = bh.bitmapOffset;
  const bitmapBytes = Math.ceil(bits / 8);
  if (bitmapAt + bitmapBytes > reader.size) {
    // Checked up front, without reading it: the bitmap is read once, chunk by chunk, below.
    throw new CulpritParseError('CULPRIT_ERR_TRUNCATED', `the ${bitmapBytes}-byte page bitmap runs past the end of the file`, { ...FORMAT, part: 'BITMAP_DUMP', offset: reader.size });
  }
  const runs: PhysicalRun[] = [];
  let stored = 0;
  let current: PhysicalRun | null = null;
  // The bitmap is read in chunks: a 40 GB dump has a 1.25 MB bitmap, never the pages themselves.
  for (let chunkStart = 0; chunkStart < bitmapBytes; chunkStart += KERNEL_DUMP_LIMITS.bitmapChunkBytes) {
    const len = Math.min(KERNEL_DUMP_LIMITS.bitmapChunkBytes, bitmapBytes - chunkStart);
    const chunk = reader.view(bitmapAt + chunkStart, len, 'BITMAP_DUMP').bytes;
    for (let b = 0; b < len; b++) {
      const byte = chunk[b]!;
      if (byte === 0) {
        current = null;
        continue;
      }
      for (let bit = 0; bit < 8; bit++) {
        const page = (chunkStart + b) * 8 + bit;
        if (page >= bits) break;
        if ((byte >> bit) & 1) {
          if (current) current.pageCount++;
          else {
            if (runs.length >= LIMITS.memoryRanges) {
              throw new CulpritParseError('CULPRIT_ERR_LIMIT', `more than ${LIMITS.memoryRanges} page runs`, { ...FORMAT, part: 'BITMAP_DUMP', offset: bitmapAt + chunkStart + b });
            }
            current = { basePage: BigInt(page), pageCount: 1, fileOffset: firstPage + stored * PAGE_SIZE };
            runs.push(current);
          }
          stored++;
        } else current = null;
      }
    }
  }
  return { kind: 'bitmap', runs, pages: stored, claimedPages: bh.presentPages, bitmapSignature: bh.signature, bitmapLayout: bh.layout };
}

/** Physical memory through the run list: page number → file offset by binary search. */
export class PhysicalMemory {
  constructor(
    readonly runs: readonly PhysicalRun[],
    private readonly readFile: (offset: number, length: number) => Uint8Array | null,
  ) {}

  /** Bytes at a physical address, within one page; null when the page is not in the dump. */
  read(physical: bigint, length: number): Uint8Array | null {
    const page = physical / BigInt(PAGE_SIZE);
    const within = Number(physical % BigInt(PAGE_SIZE));
    if (within + length > PAGE_SIZE) return null;
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.runs[mid]!;
      if (page < r.basePage) hi = mid - 1;
      else if (page >= r.basePage + BigInt(r.pageCount)) lo = mid + 1;
      else return this.readFile(r.fileOffset + Number(page - r.basePage) * PAGE_SIZE + within, length);
    }
    return null;
  }

  readU64(physical: bigint): bigint | null {
    const b = this.read(physical, 8);
    return b ? new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true) : null;
  }

  readU32(physical: bigint): number | null {
    const b = this.read(physical, 4);
    return b ? new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true) : null;
  }
}
