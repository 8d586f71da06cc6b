import type { FormatReader } from './format-reader.js';

/**
 * Every format Culprit reads, in sniffing order: binary magics first, text formats last (a text
 * sniffer must not claim a binary file that merely contains a marker string).
 */
export const FORMAT_READERS: FormatReader[] = [];

export function registerFormat(reader: FormatReader): void {
  if (!FORMAT_READERS.some((r) => r.id === reader.id)) FORMAT_READERS.push(reader);
}
