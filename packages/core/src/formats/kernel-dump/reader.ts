import type { FormatReader } from '../format-reader.js';
import { headerLayoutOf } from './header.js';
import { parseKernelDump } from './parse.js';
import { buildReport } from './report.js';

/** Windows kernel crash dumps: MEMORY.DMP and C:\Windows\Minidump\*.dmp ('PAGEDUMP' / 'PAGEDU64'). */
export const kernelDumpReader: FormatReader = {
  id: 'windows-kernel-dump',
  name: 'Windows kernel dump',
  sniff: (head) => headerLayoutOf(head) !== null,
  read: (source) => buildReport(parseKernelDump(source)),
};
