import { MINIDUMP_STREAM_TYPE as S } from './constants.js';
import type { Minidump } from './minidump.js';
import { readAuxv, readDsoDebug, type DsoDebug } from './streams/linux-binary.js';
import { parseKeyValues, parseMaps, readLinuxText, readNulSeparated, type LinuxMapping } from './streams/linux-text.js';

/** What Breakpad's Linux client copied from /proc and /etc into the dump. */
export interface LinuxDetails {
  present: boolean;
  cpuInfo?: string;
  status?: Record<string, string>;
  lsbRelease?: Record<string, string>;
  cmdline?: string[];
  environ?: string[];
  auxv?: { type: bigint; value: bigint }[];
  maps?: LinuxMapping[];
  dsoDebug?: DsoDebug;
  procStat?: string;
  procUptime?: string;
  procLimits?: string;
  procLoadavg?: string;
}

export function readLinuxDetails(dump: Minidump, pointerSize: 4 | 8): LinuxDetails {
  const d: LinuxDetails = { present: false };
  const text = (type: number) => dump.stream(type, readLinuxText);
  d.cpuInfo = text(S.LinuxCpuInfo);
  const status = text(S.LinuxProcStatus);
  if (status !== undefined) d.status = parseKeyValues(status, ':');
  const lsb = text(S.LinuxLsbRelease);
  if (lsb !== undefined) d.lsbRelease = parseKeyValues(lsb, '=');
  d.cmdline = dump.stream(S.LinuxCmdLine, readNulSeparated);
  d.environ = dump.stream(S.LinuxEnviron, readNulSeparated);
  d.auxv = dump.stream(S.LinuxAuxv, (i) => readAuxv(i, pointerSize));
  const maps = text(S.LinuxMaps);
  if (maps !== undefined) d.maps = parseMaps(maps);
  d.dsoDebug = dump.stream(S.LinuxDsoDebug, (i) => readDsoDebug(i, pointerSize));
  d.procStat = text(S.LinuxProcStat);
  d.procUptime = text(S.LinuxProcUptime);
  d.procLimits = text(S.LinuxProcLimits);
  d.procLoadavg = text(S.LinuxProcLoadavg);
  for (const k of Object.keys(d) as (keyof LinuxDetails)[]) {
    if (d[k] === undefined) delete d[k];
  }
  d.present = Object.keys(d).length > 1;
  return d;
}
