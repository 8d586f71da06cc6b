import type { FileReader } from '../../io/file-reader.js';

/**
 * The name of the process that was current when the system stopped. The triage dump holds a copy of
 * its EPROCESS, but `ImageFileName` (15 bytes, NUL padded) sits at an offset that changes with each
 * build and CPU, and the dump does not say where. We look for the one field that has its shape: at an
 * 8-byte boundary, 2..14 name characters, then NULs to the end of the 15 bytes.
 */
const IMAGE_FILE_NAME_BYTES = 15;
const NAME_CHAR = /^[A-Za-z0-9][A-Za-z0-9 ._+-]*$/;

export function findProcessName(reader: FileReader, processOffset: number, threadOffset: number): string | undefined {
  if (processOffset === 0) return undefined;
  reader.view(processOffset, IMAGE_FILE_NAME_BYTES + 1, 'EPROCESS'); // an offset outside the file is an error
  if (threadOffset <= processOffset) return undefined;
  const size = Math.min(threadOffset - processOffset, 0x2000);
  const v = reader.viewUpTo(processOffset, size, 'EPROCESS');
  let fallback: string | undefined;
  for (let o = 0; o + IMAGE_FILE_NAME_BYTES + 1 <= v.length; o += 8) {
    const raw = v.slice(o, IMAGE_FILE_NAME_BYTES);
    const nul = raw.indexOf(0);
    if (nul < 2) continue;
    if (raw.subarray(nul).some((b) => b !== 0)) continue;
    const text = String.fromCharCode(...raw.subarray(0, nul));
    if (!NAME_CHAR.test(text) || !/[A-Za-z]{2}/.test(text)) continue;
    // A name with an extension is the strongest evidence; otherwise keep the first plausible word.
    if (/\.(exe|com|scr)$/i.test(text)) return text;
    fallback ??= text;
  }
  return fallback;
}
