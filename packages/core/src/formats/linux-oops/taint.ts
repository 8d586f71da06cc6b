import type { TaintFlag } from './types.js';

/**
 * Taint letters, Documentation/admin-guide/tainted-kernels.rst (Linux 6.x) and kernel/panic.c
 * `taint_flags[]`. 'G' is the "not P" placeholder of bit 0: all loaded modules are GPL.
 * H and T are downstream (Red Hat) letters that abrt knows.
 */
const TAINT_MEANINGS: Record<string, string> = {
  P: 'proprietary module was loaded',
  G: 'all loaded modules are GPL (not a taint)',
  F: 'module was force loaded',
  S: 'kernel running on an out of specification system',
  R: 'module was force unloaded',
  M: 'processor reported a Machine Check Exception',
  B: 'bad page referenced or unexpected page flags',
  U: 'taint requested by userspace',
  D: 'kernel died recently (an OOPS or BUG happened before)',
  A: 'ACPI table overridden by user',
  W: 'kernel issued a warning before',
  C: 'staging driver was loaded',
  I: 'workaround for a bug in platform firmware applied',
  O: 'externally-built (out-of-tree) module was loaded',
  E: 'unsigned module was loaded',
  L: 'soft lockup occurred before',
  K: 'kernel has been live patched',
  X: 'auxiliary taint, defined for and used by distros',
  T: 'kernel was built with the struct randomization plugin',
  N: 'an in-kernel test has been run',
  J: 'userspace used a mutating debug operation in fwctl',
  H: 'hardware is unsupported (distribution taint)',
};

/**
 * The letters after `Tainted: ` as abrt's kernel_tainted_short reads them: capital letters and
 * spaces, up to the first other character (the version that follows starts with a digit).
 */
export function readTaintLetters(line: string): string | undefined {
  const at = line.indexOf('Tainted: ');
  if (at === -1) return undefined;
  let letters = '';
  for (let i = at + 9; i < line.length && i < at + 9 + 64; i++) {
    const ch = line[i];
    if (ch >= 'A' && ch <= 'Z') letters += ch;
    else if (ch !== ' ') break;
  }
  return letters;
}

export function decodeTaint(letters: string): TaintFlag[] {
  const out: TaintFlag[] = [];
  for (const letter of letters) {
    if (out.some((f) => f.letter === letter)) continue;
    out.push({ letter, meaning: TAINT_MEANINGS[letter] ?? 'unknown taint letter' });
  }
  return out;
}

/** Module markers, kernel/module/main.c `module_flags()`: taint letters plus load state. */
export function describeModuleMarker(marker: string): string {
  switch (marker) {
    case 'P':
      return 'proprietary';
    case 'O':
      return 'out-of-tree';
    case 'E':
      return 'unsigned';
    case 'F':
      return 'force-loaded';
    case 'C':
      return 'staging';
    case 'K':
      return 'live-patch';
    case 'X':
      return 'auxiliary';
    case 'T':
      return 'randstruct';
    case 'N':
      return 'test';
    case '+':
      return 'loading';
    case '-':
      return 'unloading';
    default:
      return `marker-${marker}`;
  }
}
