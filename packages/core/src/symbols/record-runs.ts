/**
 * Runs of well-formed records matched by sticky regular expressions over the file's text, so
 * that the first pass (sym-parser.ts) steps over most of a file without a JavaScript loop per
 * line. A cold `culprit analyze` parses one big file once; a per-line loop in JavaScript runs
 * mostly in V8's interpreter before it is optimised, whereas a regular expression is compiled
 * to native code within its first few uses. On crash-client.sym (118 000 lines) the runs cover
 * all but about 3 000 lines (FUNC, STACK CFI, PUBLIC, ...), which the per-line path still reads.
 *
 * Each pattern accepts only lines that the per-line checks accept and treat the same way
 * (record-checks.ts isLineRecord and checkInline, sym-records.ts readName), never more: a line a
 * pattern refuses (malformed, long numbers, leading spaces, no final newline) ends the run and
 * goes through the per-line path, which reports it. sym-runs.test.ts parses files both ways.
 */

/** Up to 13 hex digits or 15 decimal digits: values below 2^53 whatever the digits. */
const HEX = '[0-9a-fA-F]{1,13}';
const DEC = '[0-9]{1,15}';
const SEP = '[ \\t]+';

/** `<address> <size> <line> <filenum>` with an optional trailer (ParseLineValid allows comments). */
const LINE_RECORD = `${HEX}${SEP}${HEX}${SEP}${DEC}${SEP}${DEC}(?:[ \\t][^\\n]*|\\r)?\\n`;

/** `INLINE` with decimal depth, line, file, origin, then address/size pairs: even field count. */
const INLINE_NEW = `INLINE(?:${SEP}${DEC}){4}(?:${SEP}${HEX}${SEP}${HEX})+[ \\t]*\\r?\\n`;
/** The old layout, without a call-site file: odd field count. */
const INLINE_OLD = `INLINE(?:${SEP}${DEC}){3}(?:${SEP}${HEX}${SEP}${HEX})+[ \\t]*\\r?\\n`;

/** A name record: keyword, decimal id, a name that starts with a non-space. */
const nameRecord = (keyword: string): string => `${keyword}${SEP}${DEC}${SEP}[^ \\t\\r\\n][^\\n]*\\n`;

/**
 * The start of a FUNC record up to its name: `FUNC [m] <address> <size> <parameter_size> `
 * (sym-records.ts readFunc), followed by a name that starts with a non-space.
 */
const FUNC_HEAD = new RegExp(`FUNC(?:${SEP}(m))?${SEP}(${HEX})${SEP}(${HEX})${SEP}(${HEX})${SEP}(?=[^ \\t\\r\\n])`, 'y');
/** `STACK CFI INIT <address> <size> ` up to its rules (sym-records.ts readStack). */
const CFI_INIT_HEAD = new RegExp(`STACK${SEP}CFI${SEP}INIT${SEP}(${HEX})${SEP}(${HEX})${SEP}(?=[^ \\t\\r\\n])`, 'y');

const BODY_NEW = new RegExp(`(?:${LINE_RECORD}|${INLINE_NEW})*`, 'y');
const BODY_OLD = new RegExp(`(?:${LINE_RECORD}|${INLINE_OLD})*`, 'y');
const FILES = new RegExp(`(?:${nameRecord('FILE')})*`, 'y');
const ORIGINS = new RegExp(`(?:${nameRecord('INLINE_ORIGIN')})*`, 'y');

/** End of the run of `re` starting at `pos` (`pos` itself when the first line does not match). */
function runEnd(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : pos;
}

/**
 * End of the run of a FUNC's line records and INLINE records (new layout) starting at `pos`;
 * when none matches there, of old-layout INLINE records and line records, flagged by `old`.
 */
export function bodyRun(text: string, pos: number, out: { old: boolean }): number {
  const end = runEnd(BODY_NEW, text, pos);
  if (end > pos) return end;
  // A line record would have matched above: a run here starts with an old-layout INLINE.
  const oldEnd = runEnd(BODY_OLD, text, pos);
  if (oldEnd > pos) out.old = true;
  return oldEnd;
}

/** End of the run of `FILE` records starting at `pos`. */
export function fileRun(text: string, pos: number): number {
  return runEnd(FILES, text, pos);
}

/** End of the run of `INLINE_ORIGIN` records starting at `pos`. */
export function originRun(text: string, pos: number): number {
  return runEnd(ORIGINS, text, pos);
}

/** A well-formed FUNC line's fields, read natively: its multiple flag, address, size, parameter size. */
export interface FuncHead {
  multiple: boolean;
  address: number;
  size: number;
  parameterSize: number;
  /** Where the name starts (the lookahead leaves the match there). */
  nameStart: number;
}

/** The FUNC record at `pos` when it is well formed (else the per-line path reads and reports it). */
export function funcHead(text: string, pos: number): FuncHead | undefined {
  FUNC_HEAD.lastIndex = pos;
  const m = FUNC_HEAD.exec(text);
  if (!m) return undefined;
  return { multiple: m[1] !== undefined, address: parseInt(m[2], 16), size: parseInt(m[3], 16), parameterSize: parseInt(m[4], 16), nameStart: FUNC_HEAD.lastIndex };
}

/** Address and size of the well-formed `STACK CFI INIT` record at `pos`, else undefined. */
export function cfiInitHead(text: string, pos: number): [number, number] | undefined {
  CFI_INIT_HEAD.lastIndex = pos;
  const m = CFI_INIT_HEAD.exec(text);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16)] : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The file as a string whose character `i` stands for byte `i`, or undefined. UTF-8 decoding
 * gives that when it gives as many characters as bytes (each multi-byte sequence or invalid
 * subpart longer than one byte yields fewer characters than bytes, never more). Otherwise
 * windows-1252 (WHATWG "latin1"), one character per byte by definition, where the platform has
 * it. Only ASCII characters are matched; the bytes stay the source of every value and name.
 */
export function byteAlignedText(bytes: Uint8Array): string | undefined {
  const text = utf8.decode(bytes);
  if (text.length === bytes.length) return text;
  try {
    const latin1 = new TextDecoder('latin1').decode(bytes);
    return latin1.length === bytes.length ? latin1 : undefined;
  } catch {
    return undefined; // no such decoder here: the per-line path reads the whole file
  }
}
