import { unzipSync } from 'fflate';

/** Bounds on a zipped symbol store upload; sizes come from the zip's own headers, checked before inflating. */
export const ZIP_LIMITS = { entries: 10_000, totalBytes: 4 * 1024 * 1024 * 1024, entryBytes: 2 * 1024 * 1024 * 1024 };

/** `.sym` entries of a zipped store tree (`name/ID/name.sym`, at any folder depth), refusing bombs. */
export function symEntriesOfZip(zip: Uint8Array): { path: string; bytes: Uint8Array }[] {
  let entries = 0;
  let total = 0;
  const files = unzipSync(zip, {
    filter: (f) => {
      if (!f.name.toLowerCase().endsWith('.sym')) return false;
      entries++;
      total += f.originalSize;
      if (entries > ZIP_LIMITS.entries) throw new Error(`the zip has more than ${ZIP_LIMITS.entries} .sym files`);
      if (f.originalSize > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes) throw new Error('the zip expands past the size limit');
      return true;
    },
  });
  return Object.entries(files).map(([path, bytes]) => ({ path, bytes }));
}
