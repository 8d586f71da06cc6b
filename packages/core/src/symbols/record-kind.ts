/**
 * Which record a `.sym` line holds, told from its first bytes (symbol_files.md: a line starts
 * with its record keyword, or with a hex address for a FUNC's line records). The first pass
 * dispatches on this once per line instead of trying each keyword in turn.
 */
import { bytesStartWith, isHexDigit, type FieldCursor } from './sym-fields.js';

export const Kind = {
  Unknown: 0,
  Line: 1,
  Func: 2,
  Inline: 3,
  InlineOrigin: 4,
  File: 5,
  Public: 6,
  Stack: 7,
  Module: 8,
  Info: 9,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const F = 0x46;
const I = 0x49;
const M = 0x4d;
const P = 0x50;
const S = 0x53;

/**
 * The kind of the line `[start, end)` that `cur` is reset to. For a keyword record, `cur` is left
 * just after the keyword. Spaces before a keyword are skipped (the parser has always accepted
 * them); a line record must start with its address.
 */
export function recordKind(bytes: Uint8Array, start: number, end: number, cur: FieldCursor): Kind {
  if (isHexDigit(bytes[start]) && !isRecordKeyword(bytes, start, end)) return Kind.Line;
  switch (bytes[cur.restStart()]) {
    case F:
      return cur.keyword('FUNC') ? Kind.Func : cur.keyword('FILE') ? Kind.File : Kind.Unknown;
    case I:
      if (cur.keyword('INLINE')) return Kind.Inline;
      if (cur.keyword('INLINE_ORIGIN')) return Kind.InlineOrigin;
      return cur.keyword('INFO') ? Kind.Info : Kind.Unknown;
    case S:
      return cur.keyword('STACK') ? Kind.Stack : Kind.Unknown;
    case P:
      return cur.keyword('PUBLIC') ? Kind.Public : Kind.Unknown;
    case M:
      return cur.keyword('MODULE') ? Kind.Module : Kind.Unknown;
    default:
      return Kind.Unknown;
  }
}

/** Record keywords that start with a hex letter would be misread as line records. */
function isRecordKeyword(bytes: Uint8Array, start: number, end: number): boolean {
  // FUNC and FILE begin with "F", which is a hex digit in upper case.
  return bytesStartWith(bytes, start, end, 'FUNC') || bytesStartWith(bytes, start, end, 'FILE');
}
