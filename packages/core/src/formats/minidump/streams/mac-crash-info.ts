import { decodeUtf8 } from '../../../io/byte-view.js';
import { LIMITS } from '../../../io/limits.js';
import type { StreamInput } from '../stream-context.js';
import { readLocation, readMinidumpString } from '../location.js';

/**
 * MINIDUMP_MAC_CRASH_INFO (rust-minidump / Mozilla extension): up to 20 records of the
 * `__crash_info` sections that macOS libraries fill before aborting (the abort message, the
 * assertion text). Each record: stream_type u32, version u64, thread u64, dialog_mode u64,
 * [abort_cause u64 from version 5], then NUL-terminated strings: module_path, message,
 * signature_string, backtrace, message2.
 */
export interface MacCrashInfoRecord {
  version: bigint;
  thread: bigint;
  dialogMode: bigint;
  abortCause?: bigint;
  modulePath: string;
  message: string;
  signatureString: string;
  backtrace: string;
  message2: string;
}
const MAC_CRASH_INFOS_MAX = 20;

export function readMacCrashInfo(input: StreamInput): { records: MacCrashInfoRecord[]; errors: unknown[] } {
  const { data: v, file, part } = input;
  const count = Math.min(v.u32(4), MAC_CRASH_INFOS_MAX);
  const fixed = v.u32(8);
  const records: MacCrashInfoRecord[] = [];
  const errors: unknown[] = [];
  for (let i = 0; i < count; i++) {
    try {
      const loc = readLocation(v, 12 + i * 8);
      const r = file.view(loc.rva, Math.min(loc.dataSize, LIMITS.textStreamBytes), `${part} record ${i}`);
      const version = r.u64(4);
      const rec: MacCrashInfoRecord = {
        version,
        thread: r.u64(12),
        dialogMode: r.u64(20),
        modulePath: '',
        message: '',
        signatureString: '',
        backtrace: '',
        message2: '',
      };
      if (fixed >= 36) rec.abortCause = r.u64(28);
      let o = Math.min(fixed, r.length);
      const next = (): string => {
        const rest = r.bytes.subarray(o);
        let end = rest.indexOf(0);
        if (end < 0) end = rest.length;
        o += end + 1;
        return decodeUtf8(rest.subarray(0, end));
      };
      rec.modulePath = next();
      rec.message = next();
      rec.signatureString = next();
      rec.backtrace = next();
      rec.message2 = next();
      records.push(rec);
    } catch (err) {
      errors.push(err);
    }
  }
  return { records, errors };
}

/** MINIDUMP_MAC_BOOTARGS: stream_type u32, bootargs RVA64 → MINIDUMP_STRING (kern.bootargs). */
export function readMacBootArgs(input: StreamInput): string | null {
  const rva = input.data.u64n(4, 'bootargs RVA');
  if (rva === 0) return null;
  return readMinidumpString(input.file, rva, `${input.part} bootargs`);
}
