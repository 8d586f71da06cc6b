/**
 * Field offsets of the kernel dump file header, `DUMP_HEADER32` ('PAGEDUMP', 0x1000 bytes) and
 * `DUMP_HEADER64` ('PAGEDU64', 0x2000 bytes), as the Windows SDK's `mindumpdef.h` lays them out
 * (cross-checked with Volatility's `_DMP_HEADER` / `_DMP_HEADER64` vtypes). Fields the writer did
 * not fill hold the filler 'PAGE' repeated, which is why readers must treat them as optional.
 */
export interface DumpHeaderLayout {
  readonly headerSize: number;
  readonly pointerSize: 4 | 8;
  readonly directoryTableBase: number;
  readonly pfnDataBase: number;
  readonly psLoadedModuleList: number;
  readonly psActiveProcessHead: number;
  readonly machineImageType: number;
  readonly numberProcessors: number;
  readonly bugCheckCode: number;
  /** First of four pointer-sized parameters. */
  readonly bugCheckParameters: number;
  /** 'PAE enabled' byte: only the 32-bit header has it. */
  readonly paeEnabled: number | null;
  readonly kdDebuggerDataBlock: number;
  /** `PHYSICAL_MEMORY_DESCRIPTOR` union with a 700-byte buffer. */
  readonly physicalMemoryBlock: number;
  readonly physicalMemoryBlockSize: number;
  readonly contextRecord: number;
  readonly contextRecordSize: number;
  readonly exceptionRecord: number;
  readonly comment: number;
  readonly dumpType: number;
  readonly requiredDumpSpace: number;
  readonly systemUpTime: number;
  readonly systemTime: number;
  readonly productType: number;
  readonly suiteMask: number;
}

export const DUMP_HEADER32: DumpHeaderLayout = {
  headerSize: 0x1000,
  pointerSize: 4,
  directoryTableBase: 0x10,
  pfnDataBase: 0x14,
  psLoadedModuleList: 0x18,
  psActiveProcessHead: 0x1c,
  machineImageType: 0x20,
  numberProcessors: 0x24,
  bugCheckCode: 0x28,
  bugCheckParameters: 0x2c,
  paeEnabled: 0x5c,
  kdDebuggerDataBlock: 0x60,
  physicalMemoryBlock: 0x64,
  physicalMemoryBlockSize: 700,
  contextRecord: 0x320,
  contextRecordSize: 1200,
  exceptionRecord: 0x7d0,
  comment: 0x820,
  dumpType: 0xf88,
  requiredDumpSpace: 0xfa0,
  systemUpTime: 0xfb8,
  systemTime: 0xfc0,
  productType: 0xf94,
  suiteMask: 0xf98,
};

export const DUMP_HEADER64: DumpHeaderLayout = {
  headerSize: 0x2000,
  pointerSize: 8,
  directoryTableBase: 0x10,
  pfnDataBase: 0x18,
  psLoadedModuleList: 0x20,
  psActiveProcessHead: 0x28,
  machineImageType: 0x30,
  numberProcessors: 0x34,
  bugCheckCode: 0x38,
  bugCheckParameters: 0x40,
  paeEnabled: null,
  kdDebuggerDataBlock: 0x80,
  physicalMemoryBlock: 0x88,
  physicalMemoryBlockSize: 700,
  contextRecord: 0x348,
  contextRecordSize: 3000,
  exceptionRecord: 0xf00,
  comment: 0xfb0,
  dumpType: 0xf98,
  requiredDumpSpace: 0xfa0,
  systemUpTime: 0x1030,
  systemTime: 0xfa8,
  productType: 0x1040,
  suiteMask: 0x1044,
};

/** The bytes every header field up to the bug check parameters needs: the minimum usable file. */
export function essentialHeaderBytes(layout: DumpHeaderLayout): number {
  return layout.bugCheckParameters + 4 * layout.pointerSize;
}
