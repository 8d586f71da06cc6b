import { hexBytes, hexU64 } from './hex.js';
import { MICRODUMP_LIMITS } from './limits.js';
import type { RawMicrodump } from './raw.js';

/** A problem with one line: the caller turns it into a report warning with the line number. */
export interface LineProblem {
  code: 'CULPRIT_ERR_BAD_VALUE' | 'CULPRIT_ERR_LIMIT';
  detail: string;
}

/**
 * Adds one payload line (logcat prefix already removed) to `dump`. The key is the first
 * character followed by a space, as Breakpad's reader looks for ": O ", ": S " and so on.
 * Returns the problem when the line cannot be used; the line is then skipped, as a whole.
 */
export function addRecord(dump: RawMicrodump, payload: string, line: number, stackBytes: number): LineProblem | undefined {
  const key = payload.charAt(0);
  if (payload.length > 1 && payload.charAt(1) !== ' ') return { code: 'CULPRIT_ERR_BAD_VALUE', detail: `not a microdump record: '${preview(payload)}'` };
  const rest = payload.slice(2);
  const tokens = rest.split(' ').filter((t) => t !== '');
  switch (key) {
    case 'V': {
      // product_info is "<name>:<version>"; the name may itself hold ':' in theory, the version not.
      const colon = rest.lastIndexOf(':');
      dump.product = colon >= 0 ? { name: rest.slice(0, colon), version: rest.slice(colon + 1) } : { name: rest, version: '' };
      return undefined;
    }
    case 'O':
      return addOs(dump, rest, tokens);
    case 'P':
      dump.processType = rest;
      return undefined;
    case 'R': {
      const signal = hexU64(tokens[0]);
      const address = hexU64(tokens[2]);
      if (signal === undefined || signal > 0xffffffffn || tokens[1] === undefined || address === undefined) {
        return { code: 'CULPRIT_ERR_BAD_VALUE', detail: `crash reason line needs '<signal hex> <name> <address hex>': '${preview(rest)}'` };
      }
      dump.crashReason = { signal: Number(signal), name: tokens[1], address };
      return undefined;
    }
    case 'G': {
      // Breakpad keeps the GL strings only when the writer knew them.
      const raw = rest;
      const [version = '', vendor = '', renderer = ''] = raw === 'UNKNOWN' ? [] : raw.split('|');
      dump.gpu = { raw, version, vendor, renderer };
      return undefined;
    }
    case 'H':
      return addFreeSpace(dump, tokens);
    case 'S':
      return addStack(dump, tokens, line, stackBytes);
    case 'C': {
      const bytes = hexBytes(rest.trim());
      if (!bytes) return { code: 'CULPRIT_ERR_BAD_VALUE', detail: 'CPU context is not an even run of hex digits' };
      dump.context = { bytes, line };
      return undefined;
    }
    case 'M':
      return addModule(dump, rest, tokens, line);
    default:
      dump.unknownKeys[key] = (dump.unknownKeys[key] ?? 0) + 1;
      return undefined;
  }
}

function addOs(dump: RawMicrodump, rest: string, tokens: string[]): LineProblem | undefined {
  const count = hexU64(tokens[2]);
  if (tokens.length < 4 || count === undefined || count > 0xffffn) {
    return { code: 'CULPRIT_ERR_BAD_VALUE', detail: `OS line needs '<A|L> <arch> <cpu count hex> <hw arch> <version>': '${preview(rest)}'` };
  }
  // The version is everything after the fourth token, spaces kept (uname version has them).
  const m = /^\s*\S+\s+\S+\s+\S+\s+\S+ ?(.*)$/.exec(rest);
  dump.os = { id: tokens[0], arch: tokens[1], cpuCount: Number(count), hwArch: tokens[3], version: m ? m[1] : '' };
  return undefined;
}

function addFreeSpace(dump: RawMicrodump, tokens: string[]): LineProblem | undefined {
  const [low, high, count, largest, sum] = tokens.slice(0, 5).map(hexU64);
  if (low === undefined || high === undefined || count === undefined || largest === undefined || sum === undefined) {
    return { code: 'CULPRIT_ERR_BAD_VALUE', detail: 'free space line needs five hex numbers' };
  }
  const histogram: { log2: number; count: number }[] = [];
  // At most one bucket per address bit: 64.
  for (const t of tokens.slice(5, 5 + 64)) {
    const [a, b] = t.split(':').map(hexU64);
    if (a === undefined || b === undefined) return { code: 'CULPRIT_ERR_BAD_VALUE', detail: `free space histogram entry '${preview(t)}' is not <hex>:<hex>` };
    histogram.push({ log2: Number(a), count: Number(b) });
  }
  dump.freeSpace = { low, high, holeCount: Number(count), largestHole: largest, holeBytes: sum, histogram };
  return undefined;
}

function addStack(dump: RawMicrodump, tokens: string[], line: number, stackBytes: number): LineProblem | undefined {
  if (tokens[0] === '0' && tokens.length === 4) {
    const [sp, base, size] = tokens.slice(1).map(hexU64);
    if (sp === undefined || base === undefined || size === undefined) return { code: 'CULPRIT_ERR_BAD_VALUE', detail: 'stack header needs three hex numbers' };
    dump.stackHeader = { sp, base, size, line };
    return undefined;
  }
  const address = hexU64(tokens[0]);
  if (address === undefined || tokens.length !== 2) return { code: 'CULPRIT_ERR_BAD_VALUE', detail: "stack line needs '<address hex> <bytes hex>'" };
  const bytes = hexBytes(tokens[1]);
  if (!bytes) return { code: 'CULPRIT_ERR_BAD_VALUE', detail: 'stack bytes are not an even run of hex digits' };
  if (stackBytes + bytes.length > MICRODUMP_LIMITS.stackBytes) {
    return { code: 'CULPRIT_ERR_LIMIT', detail: `stack beyond ${MICRODUMP_LIMITS.stackBytes} bytes; the rest is dropped` };
  }
  dump.stackChunks.push({ address, bytes, line });
  return undefined;
}

function addModule(dump: RawMicrodump, rest: string, tokens: string[], line: number): LineProblem | undefined {
  const [base, offset, size] = tokens.slice(0, 3).map(hexU64);
  const debugId = tokens[3];
  if (base === undefined || offset === undefined || size === undefined || debugId === undefined || !/^[0-9A-Fa-f]+$/.test(debugId)) {
    return { code: 'CULPRIT_ERR_BAD_VALUE', detail: `module line needs '<base> <offset> <size> <debug id> <name>': '${preview(rest)}'` };
  }
  if (dump.modules.length >= MICRODUMP_LIMITS.modules) {
    return { code: 'CULPRIT_ERR_LIMIT', detail: `more than ${MICRODUMP_LIMITS.modules} modules; the rest are dropped` };
  }
  // Breakpad reads the name as one whitespace-delimited token.
  dump.modules.push({ base, offset, size, debugId: debugId.toUpperCase(), name: tokens[4] ?? '', line });
  return undefined;
}

function preview(s: string): string {
  return s.length > 60 ? s.slice(0, 60) + '…' : s;
}
