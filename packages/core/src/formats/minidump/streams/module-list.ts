import { LIMITS } from '../../../io/limits.js';
import { countedEntries, type StreamInput } from '../stream-context.js';
import { readLocation, readMinidumpString, type LocationDescriptor } from '../location.js';
import { FIXED_FILE_INFO_SIZE, readFixedFileInfo, type RawFixedFileInfo } from './version-info.js';
import { readCodeView, type CodeViewRecord } from './codeview.js';

/** MINIDUMP_MODULE (minidumpapiset.h), 108 bytes. */
export interface RawMinidumpModule {
  baseOfImage: bigint;
  sizeOfImage: number;
  checkSum: number;
  timeDateStamp: number;
  moduleNameRva: number;
  versionInfo: RawFixedFileInfo;
  cvRecord: LocationDescriptor;
  miscRecord: LocationDescriptor;
}
const MODULE_SIZE = 108;
/** CodeView records are small; a huge one is a lie. */
const MAX_CV_RECORD = 64 * 1024;

export interface MinidumpModule {
  raw: RawMinidumpModule;
  name: string;
  codeView?: CodeViewRecord;
  errors: unknown[];
}

export function readModuleList(input: StreamInput): MinidumpModule[] {
  const { count, first } = countedEntries(input, MODULE_SIZE, LIMITS.modules);
  const out: MinidumpModule[] = [];
  for (let i = 0; i < count; i++) {
    const o = first + i * MODULE_SIZE;
    const v = input.data;
    const raw: RawMinidumpModule = {
      baseOfImage: v.u64(o),
      sizeOfImage: v.u32(o + 8),
      checkSum: v.u32(o + 12),
      timeDateStamp: v.u32(o + 16),
      moduleNameRva: v.u32(o + 20),
      versionInfo: readFixedFileInfo(v, o + 24),
      cvRecord: readLocation(v, o + 24 + FIXED_FILE_INFO_SIZE),
      miscRecord: readLocation(v, o + 32 + FIXED_FILE_INFO_SIZE),
    };
    const mod: MinidumpModule = { raw, name: '', errors: [] };
    try {
      mod.name = readMinidumpString(input.file, raw.moduleNameRva, `${input.part} module ${i} name`);
    } catch (err) {
      mod.errors.push(err);
    }
    if (raw.cvRecord.dataSize >= 4 && raw.cvRecord.rva !== 0) {
      try {
        const size = Math.min(raw.cvRecord.dataSize, MAX_CV_RECORD);
        mod.codeView = readCodeView(input.file.view(raw.cvRecord.rva, size, `${input.part} module ${i} CodeView record`));
      } catch (err) {
        mod.errors.push(err);
      }
    }
    out.push(mod);
  }
  return out;
}
