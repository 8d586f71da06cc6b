/**
 * Where a Breakpad .sym file belongs in a symbol store, read from its first line:
 * `MODULE <os> <arch> <debug id> <debug file>` → `<debug file>/<debug id>/<name>.sym`
 * (`.pdb` replaced by `.sym`, anything else gets `.sym` appended), as symupload and
 * dump_syms' users lay stores out.
 */
export interface SymModule {
  os: string;
  arch: string;
  debugId: string;
  debugFile: string;
  storePath: string;
}

const MODULE_LINE = /^MODULE ([^ ]+) ([^ ]+) ([0-9A-Fa-f]+) (.+)$/;

export function symModule(head: Uint8Array): SymModule | null {
  const text = Buffer.from(head.subarray(0, 4096)).toString('utf8');
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const m = MODULE_LINE.exec(line);
  if (!m) return null;
  const [, os, arch, id, file] = m;
  const debugFile = file!.trim();
  if (debugFile === '' || debugFile === '.' || debugFile === '..' || /[\\/]/.test(debugFile)) return null;
  const symName = /\.pdb$/i.test(debugFile) ? debugFile.slice(0, -4) + '.sym' : debugFile + '.sym';
  const debugId = id!.toUpperCase();
  return { os: os!, arch: arch!, debugId, debugFile, storePath: `${debugFile}/${debugId}/${symName}` };
}
