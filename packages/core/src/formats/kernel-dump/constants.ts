// Constants of the Windows kernel dump format, spelled as `mindumpdef.h` / `ntimage.h` spell them.

/** 'PAGE' read as a little-endian u32: the header signature, and the filler of unwritten fields. */
export const DUMP_SIGNATURE = 0x45474150;
/** 'DUMP': ValidDump of a 32-bit header. */
export const DUMP_VALID_DUMP = 0x504d5544;
/** 'DU64': ValidDump of a 64-bit header. */
export const DUMP_VALID_DUMP64 = 0x34365544;
/** 'SDMP' / 'FDMP' + 'DUMP': the bitmap header after the file header of kernel/automatic and full bitmap dumps. */
export const DUMP_SUMMARY_SIGNATURE = 0x504d4453;
export const DUMP_FULL_SIGNATURE = 0x504d4446;
/** 'TRGD' at `ValidOffset` of a complete triage dump. */
export const TRIAGE_DUMP_VALID = 0x44475254;
/** 'KDBG': owner tag of `KDDEBUGGER_DATA64`. */
export const KDBG_OWNER_TAG = 0x4742444b;

/** `DumpType` values. */
export const DUMP_TYPE = {
  FULL: 1,
  SUMMARY: 2,
  HEADER: 3,
  TRIAGE: 4,
  BITMAP_FULL: 5,
  BITMAP_KERNEL: 6,
  AUTOMATIC: 7,
} as const;

export function dumpTypeName(type: number): string {
  switch (type) {
    case DUMP_TYPE.FULL:
      return 'complete memory dump';
    case DUMP_TYPE.SUMMARY:
      return 'kernel memory dump';
    case DUMP_TYPE.HEADER:
      return 'header-only dump';
    case DUMP_TYPE.TRIAGE:
      return 'small memory dump (triage)';
    case DUMP_TYPE.BITMAP_FULL:
      return 'complete memory dump (bitmap)';
    case DUMP_TYPE.BITMAP_KERNEL:
      return 'kernel memory dump (bitmap)';
    case DUMP_TYPE.AUTOMATIC:
      return 'automatic memory dump';
    default:
      return `unknown dump type ${type}`;
  }
}

/** `IMAGE_FILE_MACHINE_*` values found in `MachineImageType`. */
export const IMAGE_FILE_MACHINE = {
  I386: 0x014c,
  AMD64: 0x8664,
  ARM64: 0xaa64,
  ARMNT: 0x01c4,
} as const;

export const PAGE_SIZE = 0x1000;
