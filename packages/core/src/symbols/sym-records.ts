/**
 * The first pass's handling of the records other than line and INLINE records (those two are
 * most of a file's lines and stay in sym-parser.ts's loop). Kept apart so that the hot loop stays
 * small: V8 optimises a small loop sooner, and a cold CLI run parses one big file only once.
 * Spec: Breakpad `docs/symbol_files.md`.
 */
import type { ParsedSym, WarningSink } from './parsed-sym.js';
import { Kind } from './record-kind.js';
import { decodeSpan, type FieldCursor } from './sym-fields.js';

/** `func` state after a malformed FUNC line: its body is skipped without more warnings. */
export const BAD_FUNC = -2;

/** The first pass's position in the file, shared by its loop and these handlers. */
export interface ScanState {
  readonly bytes: Uint8Array;
  readonly out: ParsedSym;
  readonly warn: WarningSink;
  readonly cur: FieldCursor;
  /** Byte offset where the line being read starts (warnings are numbered from it). */
  lineStart: number;
  /** Index of the FUNC that line and INLINE records attach to, -1 before any FUNC, or BAD_FUNC. */
  func: number;
  /** Index of the open STACK CFI INIT, its last row address and its end address. */
  cfi: number;
  cfiLast: number;
  cfiEnd: number;
}

/**
 * Reads one record of `kind` on the line `[start, end)`; `next` is where the next line starts.
 * `s.cur` stands just after the record keyword.
 */
export function readRecord(s: ScanState, kind: Kind, start: number, end: number, next: number): void {
  switch (kind) {
    case Kind.Func:
      return readFunc(s, end, next);
    case Kind.Stack:
      return readStack(s, start, end);
    case Kind.File:
    case Kind.InlineOrigin:
      return readName(s, kind, end, next);
    case Kind.Public:
      return readPublic(s, end);
    case Kind.Module:
      return readModule(s, end);
    case Kind.Info:
      return readInfo(s, end);
    default:
      s.warn.add(s.lineStart, 'sym', `unknown record "${decodeSpan(s.bytes, start, Math.min(end, start + 96)).slice(0, 24)}"`);
  }
}

function readFunc(s: ScanState, end: number, next: number): void {
  const cur = s.cur;
  const multiple = cur.multipleFlag();
  const address = cur.hex();
  const size = cur.hex();
  const param = cur.hex();
  const nameStart = cur.restStart();
  if (!(address >= 0 && size >= 0 && param >= 0) || nameStart >= end) {
    s.warn.add(s.lineStart, 'FUNC', 'FUNC record needs hex address, size, parameter size and a name');
    s.func = BAD_FUNC; // its body lines have no function to belong to: skipped quietly
    return;
  }
  addFunc(s, multiple, address, size, param, nameStart, end, next);
}

/** A well-formed FUNC record: its body starts on the next line (`next`). */
export function addFunc(s: ScanState, multiple: boolean, address: number, size: number, param: number, nameStart: number, end: number, next: number): void {
  const f = s.out.funcs;
  s.func = f.address.length;
  f.address.push(address);
  f.size.push(size);
  f.parameterSize.push(param);
  f.multiple.push(multiple);
  f.nameStart.push(nameStart);
  f.nameEnd.push(end);
  f.bodyStart.push(next);
  f.bodyEnd.push(next);
}

/** A well-formed `STACK CFI INIT` record on the line `[start, end)`: delta rows may follow. */
export function addCfiInit(s: ScanState, address: number, size: number, start: number, end: number): void {
  const cfi = s.out.cfi;
  s.cfi = cfi.address.length;
  s.cfiLast = address;
  s.cfiEnd = address + size;
  cfi.address.push(address);
  cfi.size.push(size);
  cfi.textStart.push(start);
  cfi.textEnd.push(end);
}

function readStack(s: ScanState, start: number, end: number): void {
  const { cur, warn, out } = s;
  if (cur.keyword('CFI')) {
    if (cur.keyword('INIT')) {
      const address = cur.hex();
      const size = cur.hex();
      if (!(address >= 0 && size >= 0) || cur.atEnd()) {
        warn.add(s.lineStart, 'STACK CFI INIT', 'STACK CFI INIT needs hex address, size and rules');
        s.cfi = -1;
        return;
      }
      addCfiInit(s, address, size, start, end);
      return;
    }
    const address = cur.hex();
    if (!(address >= 0) || cur.atEnd()) {
      warn.add(s.lineStart, 'STACK CFI', 'STACK CFI needs a hex address and rules');
      return;
    }
    // A delta row must follow its INIT, move forward, and stay inside the INIT's range
    // (symbol_files.md, "STACK CFI records").
    if (s.cfi < 0 || address <= s.cfiLast || address >= s.cfiEnd) {
      warn.add(s.lineStart, 'STACK CFI', 'STACK CFI row outside the range of the preceding STACK CFI INIT');
      return;
    }
    s.cfiLast = address;
    out.cfi.textEnd[s.cfi] = end;
    return;
  }
  if (cur.keyword('WIN')) {
    const problem = out.stackWin.add(cur, end);
    if (problem) warn.add(s.lineStart, 'STACK WIN', problem);
    return;
  }
  warn.add(s.lineStart, 'STACK', 'unknown STACK record');
}

/**
 * `FILE <id> <name>` and `INLINE_ORIGIN <id> <name>`. Other records do not end the current FUNC
 * or CFI block: the spec attaches line records to the "most recent FUNC", so later rows still
 * belong to it, and func-body.ts / cfi-rules.ts skip such foreign lines when they decode a span.
 */
function readName(s: ScanState, kind: typeof Kind.File | typeof Kind.InlineOrigin, end: number, next: number): void {
  const id = s.cur.dec();
  const nameStart = s.cur.restStart();
  if (!(id >= 0) || nameStart >= end) {
    if (kind === Kind.File) s.warn.add(s.lineStart, 'FILE', 'FILE record needs a decimal number and a name');
    else s.warn.add(s.lineStart, 'INLINE_ORIGIN', 'INLINE_ORIGIN record needs a decimal number and a name');
    return;
  }
  // Read again from the line when a name is first needed (NameTable). Origins are kept whole;
  // the old layout's leading file number is removed once the INLINE records have told which
  // layout this file uses (NameTable.stripFileNumber).
  (kind === Kind.File ? s.out.files : s.out.inlineOrigins).addLines(s.lineStart, Math.min(next, s.bytes.length));
}

function readPublic(s: ScanState, end: number): void {
  const cur = s.cur;
  const multiple = cur.multipleFlag();
  const address = cur.hex();
  const param = cur.hex();
  const nameStart = cur.restStart();
  if (!(address >= 0 && param >= 0) || nameStart >= end) {
    s.warn.add(s.lineStart, 'PUBLIC', 'PUBLIC record needs hex address, parameter size and a name');
    return;
  }
  const p = s.out.publics;
  p.address.push(address);
  p.parameterSize.push(param);
  p.multiple.push(multiple);
  p.nameStart.push(nameStart);
  p.nameEnd.push(end);
}

function readModule(s: ScanState, end: number): void {
  const { cur, bytes, out } = s;
  const os = cur.word();
  const arch = cur.word();
  const id = cur.word();
  const nameStart = cur.restStart();
  if (!os || !arch || !id || nameStart >= end) {
    s.warn.add(s.lineStart, 'MODULE', 'MODULE record needs os, architecture, id and name');
    return;
  }
  if (out.module) {
    s.warn.add(s.lineStart, 'MODULE', 'second MODULE record ignored');
    return;
  }
  out.module = { os: decodeSpan(bytes, os[0], os[1]), arch: decodeSpan(bytes, arch[0], arch[1]), id: decodeSpan(bytes, id[0], id[1]), name: decodeSpan(bytes, nameStart, end) };
}

function readInfo(s: ScanState, end: number): void {
  const key = s.cur.word();
  if (!key) {
    s.warn.add(s.lineStart, 'INFO', 'INFO record without a key');
    return;
  }
  const valueStart = s.cur.restStart();
  const k = decodeSpan(s.bytes, key[0], key[1]);
  if (!s.out.info.has(k)) s.out.info.set(k, decodeSpan(s.bytes, valueStart, end));
}
