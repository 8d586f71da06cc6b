/**
 * First pass over a Breakpad `.sym` file (spec: Breakpad `docs/symbol_files.md`). It reads every
 * line once and keeps only what lookups need up front, as offsets into the decoded text:
 * FUNC/PUBLIC/STACK WIN records in flat arrays, STACK CFI INIT ranges with the text span of
 * their delta rows, and for each FUNC the text span of its line and INLINE records, which
 * `func-body.ts` decodes only when an address inside that function is looked up.
 *
 * A malformed line is a warning with its line number, never a failure: Breakpad loads such a
 * file and marks the module "corrupt" (basic_source_line_resolver_unittest TestInvalidLoads:
 * `module3_bad.out`, a FUNC with no fields; `module4_bad.out`, line records before any FUNC).
 */
import { CulpritParseError, type ReportWarning } from '../io/errors.js';
import { SYMBOL_LIMITS } from './limits.js';
import { FieldCursor, isHexDigit, lineBounds } from './sym-fields.js';
import type { SymModuleRecord } from './types.js';
import { StackWinTable } from './stack-win.js';

export const SYM_FORMAT = 'breakpad-sym';
/** `func` state after a malformed FUNC line: its body is skipped without more warnings. */
const BAD_FUNC = -2;

/** Growable columns of FUNC records, in file order. */
export interface FuncColumns {
  address: number[];
  size: number[];
  parameterSize: number[];
  multiple: boolean[];
  nameStart: number[];
  nameEnd: number[];
  /** Text span of the records after the FUNC line that belong to it (lines, INLINE). */
  bodyStart: number[];
  bodyEnd: number[];
  /** 1-based line number of the first body line (for warnings raised when decoding). */
  bodyLine: number[];
}

export interface PublicColumns {
  address: number[];
  parameterSize: number[];
  multiple: boolean[];
  nameStart: number[];
  nameEnd: number[];
}

export interface CfiColumns {
  address: number[];
  size: number[];
  /** Text span from the INIT line to the end of its last delta row. */
  textStart: number[];
  textEnd: number[];
}

export interface ParsedSym {
  text: string;
  bytes: number;
  lines: number;
  module?: SymModuleRecord;
  info: Map<string, string>;
  files: Map<number, string>;
  inlineOrigins: Map<number, string>;
  /** True when INLINE records use the old layout without a call-site file (see parseInline). */
  oldInlineFormat: boolean;
  funcs: FuncColumns;
  publics: PublicColumns;
  cfi: CfiColumns;
  stackWin: StackWinTable;
  warnings: ReportWarning[];
}

/** Collects warnings up to the limit, then counts the rest. */
export class WarningSink {
  readonly list: ReportWarning[] = [];
  private dropped = 0;
  add(line: number, part: string, message: string): void {
    if (this.list.length < SYMBOL_LIMITS.warnings) {
      this.list.push({ code: 'CULPRIT_ERR_BAD_VALUE', message: `${SYM_FORMAT} line ${line}: ${message}`, part, line });
    } else {
      this.dropped++;
    }
  }
  finish(): ReportWarning[] {
    if (this.dropped > 0) {
      this.list.push({ code: 'CULPRIT_ERR_LIMIT', message: `${SYM_FORMAT}: ${this.dropped} more malformed lines not listed`, part: 'sym' });
      this.dropped = 0;
    }
    return this.list;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function decodeSymText(bytes: Uint8Array): string {
  if (bytes.byteLength > SYMBOL_LIMITS.symFileBytes) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `symbol file of ${bytes.byteLength} bytes is over the ${SYMBOL_LIMITS.symFileBytes}-byte limit`, { format: SYM_FORMAT });
  }
  return utf8.decode(bytes);
}

export function parseSym(bytes: Uint8Array): ParsedSym {
  const text = decodeSymText(bytes);
  const warn = new WarningSink();
  const out: ParsedSym = {
    text,
    bytes: bytes.byteLength,
    lines: 0,
    info: new Map(),
    files: new Map(),
    inlineOrigins: new Map(),
    oldInlineFormat: false,
    funcs: { address: [], size: [], parameterSize: [], multiple: [], nameStart: [], nameEnd: [], bodyStart: [], bodyEnd: [], bodyLine: [] },
    publics: { address: [], parameterSize: [], multiple: [], nameStart: [], nameEnd: [] },
    cfi: { address: [], size: [], textStart: [], textEnd: [] },
    stackWin: new StackWinTable(),
    warnings: warn.list,
  };
  const cur = new FieldCursor();
  /** Index of the FUNC that line and INLINE records attach to, or -1 before any FUNC. */
  let func = -1;
  /** Index of the open STACK CFI INIT, its last row address and its end address. */
  let cfi = -1;
  let cfiLast = 0;
  let cfiEnd = 0;
  let lineNo = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (pos < text.length) {
    const { end, next } = lineBounds(text, pos);
    lineNo++;
    const start = pos;
    pos = next;
    if (end === start) continue; // blank lines (a trailing newline) carry nothing
    const c = text.charCodeAt(start);
    cur.reset(text, start, end);

    if (isHexDigit(c) && !isRecordKeyword(text, start)) {
      // Line record: <address> <size> <line> <filenum>; extra fields (comments) are allowed
      // (basic_source_line_resolver_unittest ParseLineValid).
      if (func === BAD_FUNC) continue; // the body of a FUNC already reported as malformed
      if (func < 0) {
        warn.add(lineNo, 'line', 'line record before any FUNC record');
        continue;
      }
      if (!(cur.hex() >= 0 && cur.hex() >= 0 && cur.dec() >= 0 && cur.dec() >= 0)) {
        warn.add(lineNo, 'line', 'line record needs hex address and size, decimal line and file number');
        continue;
      }
      out.funcs.bodyEnd[func] = end;
      continue;
    }

    if (cur.keyword('FUNC')) {
      const multiple = cur.multipleFlag();
      const address = cur.hex();
      const size = cur.hex();
      const param = cur.hex();
      const nameStart = cur.restStart();
      if (!(address >= 0 && size >= 0 && param >= 0) || nameStart >= end) {
        warn.add(lineNo, 'FUNC', 'FUNC record needs hex address, size, parameter size and a name');
        func = BAD_FUNC; // its body lines have no function to belong to: skipped quietly
        continue;
      }
      const f = out.funcs;
      func = f.address.length;
      f.address.push(address);
      f.size.push(size);
      f.parameterSize.push(param);
      f.multiple.push(multiple);
      f.nameStart.push(nameStart);
      f.nameEnd.push(end);
      f.bodyStart.push(next);
      f.bodyEnd.push(next);
      f.bodyLine.push(lineNo + 1);
      continue;
    }

    if (cur.keyword('INLINE')) {
      if (func === BAD_FUNC) continue;
      if (func < 0) {
        warn.add(lineNo, 'INLINE', 'INLINE record before any FUNC record');
        continue;
      }
      const kind = checkInline(cur);
      if (kind === 'bad') {
        warn.add(lineNo, 'INLINE', 'INLINE record needs decimal depth, line, [file,] origin and hex address/size pairs');
        continue;
      }
      if (kind === 'old') out.oldInlineFormat = true;
      out.funcs.bodyEnd[func] = end;
      continue;
    }

    if (cur.keyword('STACK')) {
      if (cur.keyword('CFI')) {
        if (cur.keyword('INIT')) {
          const address = cur.hex();
          const size = cur.hex();
          if (!(address >= 0 && size >= 0) || cur.atEnd()) {
            warn.add(lineNo, 'STACK CFI INIT', 'STACK CFI INIT needs hex address, size and rules');
            cfi = -1;
            continue;
          }
          cfi = out.cfi.address.length;
          cfiLast = address;
          cfiEnd = address + size;
          out.cfi.address.push(address);
          out.cfi.size.push(size);
          out.cfi.textStart.push(start);
          out.cfi.textEnd.push(end);
          continue;
        }
        const address = cur.hex();
        if (!(address >= 0) || cur.atEnd()) {
          warn.add(lineNo, 'STACK CFI', 'STACK CFI needs a hex address and rules');
          continue;
        }
        // A delta row must follow its INIT, move forward, and stay inside the INIT's range
        // (symbol_files.md, "STACK CFI records").
        if (cfi < 0 || address <= cfiLast || address >= cfiEnd) {
          warn.add(lineNo, 'STACK CFI', 'STACK CFI row outside the range of the preceding STACK CFI INIT');
          continue;
        }
        cfiLast = address;
        out.cfi.textEnd[cfi] = end;
        continue;
      }
      if (cur.keyword('WIN')) {
        const problem = out.stackWin.add(cur, end);
        if (problem) warn.add(lineNo, 'STACK WIN', problem);
        continue;
      }
      warn.add(lineNo, 'STACK', 'unknown STACK record');
      continue;
    }

    // Other records do not end the current FUNC or CFI block: the spec attaches line records to
    // the "most recent FUNC", so later rows still belong to it, and func-body.ts / cfi-rules.ts
    // skip such foreign lines when they decode a span.
    if (cur.keyword('FILE')) {
      const id = cur.dec();
      const nameStart = cur.restStart();
      if (!(id >= 0) || nameStart >= end) {
        warn.add(lineNo, 'FILE', 'FILE record needs a decimal number and a name');
        continue;
      }
      out.files.set(id, text.slice(nameStart, end));
      continue;
    }
    if (cur.keyword('PUBLIC')) {
      const multiple = cur.multipleFlag();
      const address = cur.hex();
      const param = cur.hex();
      const nameStart = cur.restStart();
      if (!(address >= 0 && param >= 0) || nameStart >= end) {
        warn.add(lineNo, 'PUBLIC', 'PUBLIC record needs hex address, parameter size and a name');
        continue;
      }
      const p = out.publics;
      p.address.push(address);
      p.parameterSize.push(param);
      p.multiple.push(multiple);
      p.nameStart.push(nameStart);
      p.nameEnd.push(end);
      continue;
    }
    if (cur.keyword('INLINE_ORIGIN')) {
      const id = cur.dec();
      const nameStart = cur.restStart();
      if (!(id >= 0) || nameStart >= end) {
        warn.add(lineNo, 'INLINE_ORIGIN', 'INLINE_ORIGIN record needs a decimal number and a name');
        continue;
      }
      // Kept whole; the old layout's leading file number is removed once the INLINE records
      // have told which layout this file uses (see finishOrigins).
      out.inlineOrigins.set(id, text.slice(nameStart, end));
      continue;
    }
    if (cur.keyword('MODULE')) {
      const os = cur.word();
      const arch = cur.word();
      const id = cur.word();
      const nameStart = cur.restStart();
      if (!os || !arch || !id || nameStart >= end) {
        warn.add(lineNo, 'MODULE', 'MODULE record needs os, architecture, id and name');
        continue;
      }
      if (out.module) {
        warn.add(lineNo, 'MODULE', 'second MODULE record ignored');
        continue;
      }
      out.module = { os: text.slice(os[0], os[1]), arch: text.slice(arch[0], arch[1]), id: text.slice(id[0], id[1]), name: text.slice(nameStart, end) };
      continue;
    }
    if (cur.keyword('INFO')) {
      const key = cur.word();
      if (!key) {
        warn.add(lineNo, 'INFO', 'INFO record without a key');
        continue;
      }
      const valueStart = cur.restStart();
      const k = text.slice(key[0], key[1]);
      if (!out.info.has(k)) out.info.set(k, text.slice(valueStart, end));
      continue;
    }
    warn.add(lineNo, 'sym', `unknown record "${text.slice(start, Math.min(end, start + 24))}"`);
  }

  out.lines = lineNo;
  if (out.oldInlineFormat) finishOrigins(out.inlineOrigins);
  out.warnings = warn.finish();
  return out;
}

/** Record keywords that start with a hex letter would be misread as line records. */
function isRecordKeyword(text: string, start: number): boolean {
  // FUNC and FILE begin with "F", which is a hex digit in upper case.
  return text.startsWith('FUNC', start) || text.startsWith('FILE', start);
}

/**
 * INLINE records come in two layouts (Breakpad's parser accepts both):
 *   new: INLINE <depth> <call_line> <call_file> <origin> [<address> <size>]+
 *   old: INLINE <depth> <call_line> <origin> [<address> <size>]+
 * Decimal fields then hex pairs: the count of fields tells them apart (new = even, old = odd).
 */
function checkInline(cur: FieldCursor): 'new' | 'old' | 'bad' {
  let fields = 0;
  let hexOk = true;
  for (;;) {
    const w = cur.word();
    if (!w) break;
    fields++;
    let dec = true;
    for (let i = w[0]; i < w[1]; i++) {
      const c = cur.text.charCodeAt(i);
      const isDec = c >= 0x30 && c <= 0x39;
      if (!isDec) dec = false;
      if (!isDec && !isHexDigit(c)) hexOk = false;
    }
    if (fields <= 3 && !dec) return 'bad';
  }
  if (!hexOk || fields < 5) return 'bad';
  return fields % 2 === 0 ? 'new' : 'old';
}

/** Old-layout `INLINE_ORIGIN <id> <file> <name>`: drop the file number from the kept names. */
function finishOrigins(origins: Map<number, string>): void {
  for (const [id, rest] of origins) {
    const m = /^\d+ (.+)$/.exec(rest);
    if (m) origins.set(id, m[1]);
  }
}
