/** The file name at the end of a module path, Windows or Unix ('C:\\Windows\\ntdll.dll' → 'ntdll.dll'). */
export function moduleFileName(codeFile: string): string {
  const cut = Math.max(codeFile.lastIndexOf('/'), codeFile.lastIndexOf('\\'));
  return cut >= 0 ? codeFile.slice(cut + 1) : codeFile;
}

/** Hex text as minidump-stackwalk writes offsets: '0x2015d'. */
export function hex(value: bigint | number): string {
  return `0x${value.toString(16)}`;
}
