// Registers every format reader. One line per format; order is sniffing order.
import { registerFormat } from './registry.js';
import { linuxKernelLogReader } from './linux-oops/reader.js';

void registerFormat;
registerFormat(linuxKernelLogReader);
