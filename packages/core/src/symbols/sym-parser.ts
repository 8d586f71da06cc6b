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
import { StackWinTable } from './stack-win.js';
import { FieldCursor } from './sym-fields.js';
import { BAD_FUNC, readRecord, type ScanState } from './sym-records.js';

export { SYM_FORMAT, WarningSink, type ParsedSym } from './parsed-sym.js';

const LF = 0x0a;
const CR = 0x0d;

/** Where the records start: after a UTF-8 byte-order mark, or two (as a decoded text would skip). */
function firstRecord(bytes: Uint8Array): number {
  let pos = 0;
  for (let i = 0; i < 2; i++) {
    if (bytes[pos] === 0xef && bytes[pos + 1] === 0xbb && bytes[pos + 2] === 0xbf) pos += 3;
  }
  return pos;
}

/** A digit or lower-case hex letter: how dump_syms starts every line record. */
function startsLineRecord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
}

/** Parses `bytes`, which the result keeps: the caller must not change them afterwards. */
export function parseSym(bytes: Uint8Array): ParsedSym {
  if (bytes.byteLength > SYMBOL_LIMITS.symFileBytes) {
    throw new CulpritParseError('CULPRIT_ERR_LIMIT', `symbol file of ${bytes.byteLength} bytes is over the ${SYMBOL_LIMITS.symFileBytes}-byte limit`, { format: SYM_FORMAT });
  }
  const warn = new WarningSink();
  const out: ParsedSym = {
    data: bytes,
    bytes: bytes.byteLength,
    lines: 0,
    info: new Map(),
    files: new NameTable(bytes),
    inlineOrigins: new NameTable(bytes),
    oldInlineFormat: false,
    funcs: { address: [], size: [], parameterSize: [], multiple: [], nameStart: [], nameEnd: [], bodyStart: [], bodyEnd: [], bodyLine: [] },
    publics: { address: [], parameterSize: [], multiple: [], nameStart: [], nameEnd: [] },
    cfi: { address: [], size: [], textStart: [], textEnd: [] },
    stackWin: new StackWinTable(),
    warnings: warn.list,
  };
  const cur = new FieldCursor();
  const s: ScanState = { bytes, out, warn, cur, lineNo: 0, func: -1, cfi: -1, cfiLast: 0, cfiEnd: 0 };
  const bodyEnd = out.funcs.bodyEnd;
  const size = bytes.length;
  let pos = firstRecord(bytes);

  // Line records and INLINE records are read here; every other record in sym-records.ts.
  while (pos < size) {
    let nl = bytes.indexOf(LF, pos);
    if (nl < 0) nl = size;
    const end = nl > pos && bytes[nl - 1] === CR ? nl - 1 : nl;
    const start = pos;
    pos = nl + 1;
    s.lineNo++;
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
      if (func < 0) warn.add(s.lineNo, 'line', 'line record before any FUNC record');
      else if (!isLineRecord(bytes, start, end)) warn.add(s.lineNo, 'line', 'line record needs hex address and size, decimal line and file number');
      else bodyEnd[func] = end;
    } else if (kind === Kind.Inline) {
      const func = s.func;
      if (func === BAD_FUNC) continue;
      if (func < 0) {
        warn.add(s.lineNo, 'INLINE', 'INLINE record before any FUNC record');
        continue;
      }
      const layout = checkInline(bytes, cur.pos, end);
      if (layout === 'bad') {
        warn.add(s.lineNo, 'INLINE', 'INLINE record needs decimal depth, line, [file,] origin and hex address/size pairs');
        continue;
      }
      if (layout === 'old') out.oldInlineFormat = true;
      bodyEnd[func] = end;
    } else {
      readRecord(s, kind, start, end, pos);
    }
  }

  out.lines = s.lineNo;
  out.inlineOrigins.stripFileNumber = out.oldInlineFormat;
  out.warnings = warn.finish();
  return out;
}
