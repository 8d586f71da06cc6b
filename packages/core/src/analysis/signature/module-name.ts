/** The file name at the end of a module path (kept as this folder's name for it). */
export { fileNameOf as moduleFileName } from '../../report/file-name.js';

/** Hex text as minidump-stackwalk writes offsets: '0x2015d'. */
export function hex(value: bigint | number): string {
  return `0x${value.toString(16)}`;
}
