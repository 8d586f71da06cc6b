// Registers every format reader. One line per format; order is sniffing order.
import { registerFormat } from './registry.js';
import { kernelDumpReader } from './kernel-dump/reader.js';

void registerFormat;
registerFormat(kernelDumpReader);
