/**
 * First pass over a Breakpad `.sym` file (spec: Breakpad `docs/symbol_files.md`). It reads every
 * line of the raw bytes once, checks it, and keeps only what lookups need up front, as byte
 * offsets into the file: FUNC/PUBLIC/STACK WIN records in flat arrays, STACK CFI INIT ranges with
 * the span of their delta rows, FILE and INLINE_ORIGIN names as spans (`name-table.ts`), and for
 * each FUNC the span of its line and INLINE records, which `func-body.ts` decodes only when an
 * address inside that function is looked up. The file is never decoded to one string: names are
 * decoded when a lookup returns them.
 *
 * A malformed line is a warning with its line number, never a failure: Breakpad loads such a
 * file and marks the module "corrupt" (basic_source_line_resolver_unittest TestInvalidLoads:
 * `module3_bad.out`, a FUNC with no fields; `module4_bad.out`, line records before any FUNC).
 */
import { CulpritParseError } from '../io/errors.js';
import { SYMBOL_LIMITS } from './limits.js';
import { NameTable } from './name-table.js';
import { SYM_FORMAT, WarningSink, type ParsedSym } from './parsed-sym.js';
import { checkInline, isLineRecord } from './record-checks.js';
import { Kind, recordKind } from './record-kind.js';
import { bodyRun, byteAlignedText, cfiInitHead, fileRun, funcHead, originRun } from './record-runs.js';
import { StackWinTable } from './stack-win.js';
import { FieldCursor } from './sym-fields.js';
import { addCfiInit, addFunc, BAD_FUNC, readRecord, type ScanState } from './sym-records.js';

export { SYM_FORMAT, WarningSink, type ParsedSym } from './parsed-sym.js';

const LF = 0x0a;
const CR = 0x0d;
const F = 0x46;
const I = 0x49;
const S = 0x53;

/** Where the records start: after a UTF-8 byte-order mark, or two (as a decoded text would skip). */
function firstRecord(bytes: Uint8Array): number {
  let pos = 0;
  for (let i = 0; i < 2; i++) {
    if (bytes[pos] === 0xef && bytes[pos + 1] === 0xbb && bytes[pos + 2] === 0xbf) pos += 3;
  }
  return pos;
}

/** End of the content of the line that ends just before `next` (before its `\n` or `\r\n`). */
function lineContentEnd(bytes: Uint8Array, next: number): number {
  const nl = next - 1;
  return bytes[nl - 1] === CR ? nl - 1 : nl;
}

/** A digit or lower-case hex letter: how dump_syms starts every line record. */
function startsLineRecord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
}

/** How to parse; the default is what callers want. */
export interface ParseSymOptions {
  /**
   * Step over runs of well-formed records with regular expressions (record-runs.ts). Off, every
   * line goes through the per-line path; the result is the same (tests compare the two).
   */
  runs?: boolean;
}

/** Parses `bytes`, which the result keeps: the caller must not change them afterwards. */
export function parseSym(bytes: Uint8Array, options: ParseSymOptions = {}): ParsedSym {
  if (bytes.byteLength > SYMBOL_LIMITS.symFileBytes) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `symbol file of ${bytes.byteLength} bytes is over the ${SYMBOL_LIMITS.symFileBytes}-byte limit`, { format: SYM_FORMAT });
  }
  const warn = new WarningSink(bytes);
  let pos = firstRecord(bytes);
  const out: ParsedSym = {
    data: bytes,
    bytes: bytes.byteLength,
    recordsStart: pos,
    info: new Map(),
    files: new NameTable(bytes),
    inlineOrigins: new NameTable(bytes),
    oldInlineFormat: false,
    funcs: { address: [], size: [], parameterSize: [], multiple: [], nameStart: [], nameEnd: [], bodyStart: [], bodyEnd: [] },
    publics: { address: [], parameterSize: [], multiple: [], nameStart: [], nameEnd: [] },
    cfi: { address: [], size: [], textStart: [], textEnd: [] },
    stackWin: new StackWinTable(),
    warnings: warn.list,
  };
  const cur = new FieldCursor();
  const s: ScanState = { bytes, out, warn, cur, lineStart: 0, func: -1, cfi: -1, cfiLast: 0, cfiEnd: 0 };
  const bodyEnd = out.funcs.bodyEnd;
  const size = bytes.length;
  const text = options.runs === false ? undefined : byteAlignedText(bytes);
  const runLayout = { old: false };

  while (pos < size) {
    if (text !== undefined) {
      // Runs of well-formed records first (record-runs.ts); the line that ends a run is read
      // below, one line at a time.
      let end = pos;
      if (s.func >= 0) {
        end = bodyRun(text, pos, runLayout);
        if (end > pos) bodyEnd[s.func] = lineContentEnd(bytes, end);
      }
      if (end === pos && bytes[pos] === I) {
        end = originRun(text, pos);
        if (end > pos) out.inlineOrigins.addLines(pos, end);
      } else if (end === pos && bytes[pos] === F) {
        end = fileRun(text, pos);
        if (end > pos) out.files.addLines(pos, end);
      }
      if (end > pos) {
        pos = end;
        continue;
      }
      // The two frequent one-line records, read natively when well formed.
      const c = bytes[pos];
      if (c === F || c === S) {
        const func = c === F ? funcHead(text, pos) : undefined;
        const cfi = c === S ? cfiInitHead(text, pos) : undefined;
        if (func || cfi) {
          let nl = bytes.indexOf(LF, pos);
          if (nl < 0) nl = size;
          const lineEnd = bytes[nl - 1] === CR ? nl - 1 : nl;
          s.lineStart = pos;
          if (func) addFunc(s, func.multiple, func.address, func.size, func.parameterSize, func.nameStart, lineEnd, nl + 1);
          else if (cfi) addCfiInit(s, cfi[0], cfi[1], pos, lineEnd);
          pos = nl + 1;
          continue;
        }
      }
    }

    let nl = bytes.indexOf(LF, pos);
    if (nl < 0) nl = size;
    const end = nl > pos && bytes[nl - 1] === CR ? nl - 1 : nl;
    const start = pos;
    pos = nl + 1;
    s.lineStart = start;
    if (end === start) continue; // blank lines (a trailing newline) carry nothing
    let kind: Kind = Kind.Line;
    if (!startsLineRecord(bytes[start])) {
      cur.reset(bytes, start, end);
      kind = recordKind(bytes, start, end, cur);
    }

    if (kind === Kind.Line) {
      // Line record: <address> <size> <line> <filenum>; extra fields (comments) are allowed
      // (basic_source_line_resolver_unittest ParseLineValid).
      const func = s.func;
      if (func === BAD_FUNC) continue; // the body of a FUNC already reported as malformed
      if (func < 0) warn.add(start, 'line', 'line record before any FUNC record');
      else if (!isLineRecord(bytes, start, end)) warn.add(start, 'line', 'line record needs hex address and size, decimal line and file number');
      else bodyEnd[func] = end;
    } else if (kind === Kind.Inline) {
      const func = s.func;
      if (func === BAD_FUNC) continue;
      if (func < 0) {
        warn.add(start, 'INLINE', 'INLINE record before any FUNC record');
        continue;
      }
      const layout = checkInline(bytes, cur.pos, end);
      if (layout === 'bad') {
        warn.add(start, 'INLINE', 'INLINE record needs decimal depth, line, [file,] origin and hex address/size pairs');
        continue;
      }
      if (layout === 'old') out.oldInlineFormat = true;
      bodyEnd[func] = end;
    } else {
      readRecord(s, kind, start, end, pos);
    }
  }

  if (runLayout.old) out.oldInlineFormat = true;
  out.inlineOrigins.stripFileNumber = out.oldInlineFormat;
  out.warnings = warn.finish();
  return out;
}
