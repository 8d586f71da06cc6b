/**
 * What the first pass over a `.sym` file keeps (sym-parser.ts): byte spans and flat columns that
 * the lookups of symbol-file.ts index and decode on demand.
 */
import type { ReportWarning } from '../io/errors.js';
import { SYMBOL_LIMITS } from './limits.js';
import { LineNumbers } from './line-numbers.js';
import type { NameTable } from './name-table.js';
import type { StackWinTable } from './stack-win.js';
import type { SymModuleRecord } from './types.js';

export const SYM_FORMAT = 'breakpad-sym';

/** Growable columns of FUNC records, in file order. */
export interface FuncColumns {
  address: number[];
  size: number[];
  parameterSize: number[];
  multiple: boolean[];
  nameStart: number[];
  nameEnd: number[];
  /** Byte span of the records after the FUNC line that belong to it (lines, INLINE). */
  bodyStart: number[];
  bodyEnd: number[];
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
  /** Byte span from the INIT line to the end of its last delta row. */
  textStart: number[];
  textEnd: number[];
}

export interface ParsedSym {
  /** The file's bytes, kept (not copied): every span above points into them. */
  data: Uint8Array;
  bytes: number;
  /** Where the records start (after any byte-order mark): line 1 for `countLines`. */
  recordsStart: number;
  module?: SymModuleRecord;
  info: Map<string, string>;
  files: NameTable;
  inlineOrigins: NameTable;
  /** True when INLINE records use the old layout without a call-site file (record-checks.ts checkInline). */
  oldInlineFormat: boolean;
  funcs: FuncColumns;
  publics: PublicColumns;
  cfi: CfiColumns;
  stackWin: StackWinTable;
  warnings: ReportWarning[];
}

/**
 * Collects warnings up to the limit, then counts the rest. A warning is raised at the byte
 * offset where its line starts (offsets increase from one warning to the next) and carries that
 * line's number.
 */
export class WarningSink {
  readonly list: ReportWarning[] = [];
  private dropped = 0;
  private readonly lines: LineNumbers;
  constructor(bytes: Uint8Array) {
    this.lines = new LineNumbers(bytes);
  }
  add(offset: number, part: string, message: string): void {
    if (this.list.length < SYMBOL_LIMITS.warnings) {
      const line = this.lines.at(offset);
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
