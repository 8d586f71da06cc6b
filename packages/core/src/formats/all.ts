// Registers every format reader. One line per format; order is sniffing order: binary magics
// first, text formats last (a text sniffer must not claim a binary file holding a marker string),
// and the microdump's exact BEGIN marker before the kernel log's looser heuristics.
import { registerFormat } from './registry.js';
import { minidumpReader } from './minidump/reader.js';
import { kernelDumpReader } from './kernel-dump/reader.js';
import { microdumpReader } from './microdump/reader.js';
import { linuxKernelLogReader } from './linux-oops/reader.js';

registerFormat(minidumpReader);
registerFormat(kernelDumpReader);
registerFormat(microdumpReader);
registerFormat(linuxKernelLogReader);
