/**
 * The file name at the end of a path recorded in a dump, whichever system wrote it
 * ('C:\\Windows\\System32\\ntdll.dll' → 'ntdll.dll', '/lib/libc.so.6' → 'libc.so.6').
 */
export function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
