// Registers every format reader. One line per format; order is sniffing order.
import { registerFormat } from './registry.js';

void registerFormat;
