/**
 * Checks of the two most frequent record kinds, run by the first pass on every line of a file
 * (a FUNC's line records and INLINE records are most of the lines of an inlining compiler's
 * symbols). Each is one scan over the line's bytes that allocates nothing; the records are
 * decoded later, only for the functions that lookups reach (func-body.ts).
 */
const SPACE = 0x20;
const TAB = 0x09;

/** Byte classes, one table lookup per byte. */
const DEC = 1;
const HEX = 2;
const SEP = 4;
const CLASS = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = DEC | HEX;
for (let c = 0x41; c <= 0x46; c++) CLASS[c] = HEX;
for (let c = 0x61; c <= 0x66; c++) CLASS[c] = HEX;
CLASS[SPACE] = SEP;
CLASS[TAB] = SEP;

/** Field classes of a line record: <address> <size> <line> <filenum>. */
const LINE_FIELDS = [HEX, HEX, DEC, DEC] as const;
/** Longest fields that cannot exceed 2^53 whatever their digits (16^13 = 2^52, 10^15 < 2^53). */
const SAFE_DIGITS = { [HEX]: 13, [DEC]: 15 } as const;

/**
 * Whether `bytes[start, end)` holds a valid line record: its first four fields present and well
 * formed (values up to 2^53); extra fields (comments) are allowed
 * (basic_source_line_resolver_unittest ParseLineValid).
 */
export function isLineRecord(bytes: Uint8Array, start: number, end: number): boolean {
  let pos = start;
  for (let field = 0; field < 4; field++) {
    const want = LINE_FIELDS[field];
    while (pos < end && CLASS[bytes[pos]] === SEP) pos++;
    const first = pos;
    while (pos < end) {
      const k = CLASS[bytes[pos]];
      if (k === SEP) break;
      if ((k & want) === 0) return false;
      pos++;
    }
    if (pos === first) return false;
    if (pos - first > SAFE_DIGITS[want] && !withinSafeRange(bytes, first, pos, want === HEX ? 16 : 10)) return false;
  }
  return true;
}

/** A long field (leading zeros, or a value past 2^53): its exact value decides. */
function withinSafeRange(bytes: Uint8Array, start: number, end: number, radix: number): boolean {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    v = v * radix + (c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10);
  }
  return v <= Number.MAX_SAFE_INTEGER;
}

/**
 * INLINE records come in two layouts (Breakpad's parser accepts both):
 *   new: INLINE <depth> <call_line> <call_file> <origin> [<address> <size>]+
 *   old: INLINE <depth> <call_line> <origin> [<address> <size>]+
 * Decimal fields then hex pairs: the count of fields tells them apart (new = even, old = odd).
 * Checks the fields of `bytes[pos, end)` (after the keyword) in one scan, allocating nothing.
 */
export function checkInline(bytes: Uint8Array, pos: number, end: number): 'new' | 'old' | 'bad' {
  let fields = 0;
  let hexOk = true;
  let i = pos;
  for (;;) {
    while (i < end && CLASS[bytes[i]] === SEP) i++;
    if (i >= end) break;
    fields++;
    let all = DEC | HEX;
    while (i < end) {
      const k = CLASS[bytes[i]];
      if (k === SEP) break;
      all &= k;
      i++;
    }
    if (fields <= 3 && (all & DEC) === 0) return 'bad';
    if ((all & HEX) === 0) hexOk = false;
  }
  if (!hexOk || fields < 5) return 'bad';
  return fields % 2 === 0 ? 'new' : 'old';
}
