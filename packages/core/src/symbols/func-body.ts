/**
 * Decodes the line records and INLINE records of one FUNC from its byte span, on the first
 * lookup inside that function. The first pass (sym-parser.ts) has already checked these lines
 * and reported malformed ones; here they are skipped silently, as are records of other kinds
 * that happen to sit between a FUNC's rows.
 */
import { SYMBOL_LIMITS } from './limits.js';
import { bytesStartWith, FieldCursor, isHexDigit, nextLine, type LineSpan } from './sym-fields.js';

export interface InlineRecord {
  depth: number;
  callLine: number;
  /** Call-site FILE number; undefined in the old layout, which has none. */
  callFile?: number;
  origin: number;
  /** Flat [address, size, address, size, ...]. */
  ranges: number[];
}

export interface FuncBody {
  /** Line records sorted by address, as parallel columns. */
  lineAddress: Float64Array;
  lineSize: Float64Array;
  lineNumber: Float64Array;
  lineFile: Float64Array;
  inlines: InlineRecord[];
}

export function decodeFuncBody(bytes: Uint8Array, start: number, end: number, oldInlineFormat: boolean): FuncBody {
  const cur = new FieldCursor();
  const rows: number[][] = [];
  const inlines: InlineRecord[] = [];
  const b: LineSpan = { end: 0, next: 0 };
  let pos = start;
  while (pos < end) {
    nextLine(bytes, pos, b);
    const lineStart = pos;
    pos = b.next;
    if (b.end === lineStart) continue;
    cur.reset(bytes, lineStart, b.end);
    const c = bytes[lineStart];
    if (isHexDigit(c) && !bytesStartWith(bytes, lineStart, b.end, 'FUNC') && !bytesStartWith(bytes, lineStart, b.end, 'FILE')) {
      const address = cur.hex();
      const size = cur.hex();
      const line = cur.dec();
      const file = cur.dec();
      if (address >= 0 && size >= 0 && line >= 0 && file >= 0) rows.push([address, size, line, file]);
      continue;
    }
    if (cur.keyword('INLINE')) {
      const rec = readInline(cur, oldInlineFormat);
      if (rec) inlines.push(rec);
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  const n = rows.length;
  const body: FuncBody = {
    lineAddress: new Float64Array(n),
    lineSize: new Float64Array(n),
    lineNumber: new Float64Array(n),
    lineFile: new Float64Array(n),
    inlines,
  };
  for (let i = 0; i < n; i++) {
    body.lineAddress[i] = rows[i][0];
    body.lineSize[i] = rows[i][1];
    body.lineNumber[i] = rows[i][2];
    body.lineFile[i] = rows[i][3];
  }
  return body;
}

function readInline(cur: FieldCursor, old: boolean): InlineRecord | undefined {
  const depth = cur.dec();
  const callLine = cur.dec();
  const callFile = old ? undefined : cur.dec();
  const origin = cur.dec();
  if (!(depth >= 0 && callLine >= 0 && origin >= 0) || (callFile !== undefined && !(callFile >= 0))) return undefined;
  if (depth > SYMBOL_LIMITS.inlineDepth) return undefined;
  const ranges: number[] = [];
  while (!cur.atEnd()) {
    const address = cur.hex();
    const size = cur.hex();
    if (!(address >= 0 && size >= 0)) return undefined;
    ranges.push(address, size);
  }
  if (ranges.length === 0) return undefined;
  return { depth, callLine, callFile, origin, ranges };
}

/** Index of the line record covering `address`, or -1 (line records do not overlap). */
export function findLine(body: FuncBody, address: number): number {
  const a = body.lineAddress;
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= address) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && address < a[i] + body.lineSize[i] ? i : -1;
}

/** The INLINE records with a range covering `address`, outermost (depth 0) first. */
export function activeInlines(body: FuncBody, address: number): InlineRecord[] {
  const hits: InlineRecord[] = [];
  for (const rec of body.inlines) {
    const r = rec.ranges;
    for (let i = 0; i < r.length; i += 2) {
      if (address >= r[i] && address < r[i] + r[i + 1]) {
        hits.push(rec);
        break;
      }
    }
  }
  return hits.sort((x, y) => x.depth - y.depth);
}
