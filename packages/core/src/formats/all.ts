// Registers every format reader. One line per format; order is sniffing order (binary magics first).
import { registerFormat } from './registry.js';
import { minidumpReader } from './minidump/reader.js';
import { kernelDumpReader } from './kernel-dump/reader.js';
import { microdumpReader } from './microdump/reader.js';

registerFormat(minidumpReader);
registerFormat(kernelDumpReader);
registerFormat(microdumpReader);
