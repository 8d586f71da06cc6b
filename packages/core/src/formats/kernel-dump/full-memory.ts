import type { FileReader } from '../../io/file-reader.js';
import { ByteView } from '../../io/byte-view.js';
import { warningFromError, type ReportWarning } from '../../io/errors.js';
import type { CpuArch, CpuContext } from '../../report/cpu.js';
import { contextSp } from '../../report/cpu.js';
import type { RawDumpHeader } from './header.js';
import { PAGE_SIZE } from './constants.js';
import { PhysicalMemory, readBitmapRuns, readPhysicalRuns, type PhysicalLayout } from './physical-memory.js';
import { isBitmapDump } from './bitmap-header.js';
import { PagedMemory, type PagingMode } from './page-tables.js';
import { walkLoadedModules } from './loaded-modules.js';
import { readKdDebuggerData, type RawKdDebuggerData } from './kd-debugger-data.js';
import type { KernelDriver } from './triage-drivers.js';
import type { VirtualMemory } from './virtual-memory.js';

export interface FullMemoryInfo {
  layout: PhysicalLayout;
  pagingMode: PagingMode | null;
  /** Whether PsLoadedModuleList could be walked to its end. */
  moduleListComplete: boolean;
}

/** Stack bytes read from the context's stack pointer (kernel stacks are 12..24 KiB). */
const STACK_READ_BYTES = 6 * PAGE_SIZE;

/**
 * Complete and kernel dumps: the physical layout (runs in the header, or the bitmap that follows
 * it), page-table translation from the header's DirectoryTableBase, and the loaded module list.
 * Only the pages these steps touch are read.
 */
export function readFullMemory(reader: FileReader, header: RawDumpHeader, arch: CpuArch, warnings: ReportWarning[]) {
  const layout = isBitmapDump(reader, header) ? readBitmapRuns(reader, header) : readPhysicalRuns(reader, header);
  if (layout.pages !== layout.claimedPages) {
    warnings.push({
      code: 'CULPRIT_ERR_BAD_VALUE',
      message: `the header claims ${layout.claimedPages} pages but the ${layout.kind === 'bitmap' ? 'bitmap' : 'run list'} holds ${layout.pages}`,
      part: layout.kind === 'bitmap' ? 'BITMAP_DUMP' : 'PHYSICAL_MEMORY_DESCRIPTOR',
    });
  }
  const last = layout.runs[layout.runs.length - 1];
  if (last && last.fileOffset + last.pageCount * PAGE_SIZE > reader.size) {
    warnings.push({
      code: 'CULPRIT_ERR_TRUNCATED',
      message: 'the file ends before the last physical pages: memory beyond it reads as missing',
      part: 'PHYSICAL_MEMORY',
      offset: reader.size,
    });
  }
  const phys = new PhysicalMemory(layout.runs, (offset, length) => {
    const bytes = reader.source.read(offset, length);
    return bytes.byteLength === length ? bytes : null;
  });
  const pagingMode: PagingMode | null = arch === 'amd64' ? 'x64' : arch === 'x86' ? (header.paeEnabled ? 'pae' : 'x86') : arch === 'arm64' ? 'arm64' : null;
  let memory: VirtualMemory | null = null;
  let drivers: KernelDriver[] = [];
  let moduleListComplete = false;
  let kdDebuggerData: RawKdDebuggerData | null = null;
  if (!pagingMode) {
    warnings.push({ code: 'CULPRIT_ERR_BAD_VERSION', message: `virtual address translation is not implemented for ${arch}`, part: 'PAGE_TABLES' });
  } else {
    memory = new PagedMemory(phys, pagingMode, header.directoryTableBase);
    try {
      const walk = walkLoadedModules(memory, header.psLoadedModuleList, header.layout.pointerSize);
      drivers = walk.drivers;
      moduleListComplete = walk.complete;
      if (!walk.complete) {
        warnings.push({
          code: 'CULPRIT_ERR_TRUNCATED',
          message: `the loaded module list could only be followed for ${drivers.length} entries (pages missing from the dump)`,
          part: 'PsLoadedModuleList',
        });
      }
    } catch (err) {
      warnings.push(warningFromError(err, 'PsLoadedModuleList'));
    }
    if (header.kdDebuggerDataBlock) {
      const bytes = memory.read(header.kdDebuggerDataBlock, 0x80);
      if (bytes) {
        kdDebuggerData = readKdDebuggerData(new ByteView(bytes, 0, true, { format: 'kernel-dump', part: 'KDDEBUGGER_DATA64' }));
      }
    }
  }
  const stackOf = (context: CpuContext | null): { base: bigint; bytes: Uint8Array } | null => {
    if (!memory || !context) return null;
    const sp = contextSp(context);
    // Read whole pages from SP upward until one is missing.
    const chunks: Uint8Array[] = [];
    let at = sp;
    let total = 0;
    while (total < STACK_READ_BYTES) {
      const len = PAGE_SIZE - Number(at & 0xfffn);
      const bytes = memory.read(at, len);
      if (!bytes) break;
      chunks.push(bytes);
      total += len;
      at += BigInt(len);
    }
    if (total === 0) return null;
    const bytes = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      bytes.set(c, o);
      o += c.length;
    }
    return { base: sp, bytes };
  };
  return { info: { layout, pagingMode, moduleListComplete } satisfies FullMemoryInfo, memory, drivers, kdDebuggerData, stackOf };
}
