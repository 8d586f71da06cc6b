/**
 * The public face of Breakpad symbols: what the stack walker and the CLI use. Addresses given to
 * and returned by these interfaces are module-relative (the offset from the module's load
 * address), as every record of a `.sym` file is. They are plain numbers: module offsets stay far
 * below 2^53, and a record whose address does not is rejected with a warning by the parser.
 *
 * Spec: Breakpad `docs/symbol_files.md`.
 */
import type { ReportWarning } from '../io/errors.js';

/** The `MODULE` record: `MODULE <os> <arch> <id> <name>`. */
export interface SymModuleRecord {
  os: string;
  arch: string;
  /** Breakpad debug identifier as written (hex, usually upper case, age appended). */
  id: string;
  /** Debug file name (`test_app.pdb`, `libc.so.6`); may contain spaces. */
  name: string;
}

/** A `FUNC [m] <address> <size> <param_size> <name>` record. */
export interface FunctionSymbol {
  name: string;
  address: number;
  size: number;
  /** Bytes of stack parameters the callee pops (stdcall); used by the x86 walker. */
  parameterSize: number;
  /** `m` flag: several linker symbols share this code (identical code folding). */
  multiple: boolean;
}

/** A `PUBLIC [m] <address> <param_size> <name>` record: a function of unknown size. */
export interface PublicSymbol {
  name: string;
  address: number;
  parameterSize: number;
  multiple: boolean;
}

/** A line record `<address> <size> <line> <filenum>` with its file resolved. */
export interface SourceLine {
  address: number;
  size: number;
  /** Source file name, or undefined if the FILE number is unknown. */
  file?: string;
  line: number;
}

/**
 * One inlined call active at an address. `name` is the inlined function; `file`/`line` the
 * position inside it: the line record for the innermost frame, otherwise the call site of the
 * next deeper inlined call (this is how rust-minidump shows inline frames).
 */
export interface InlinedCall {
  name: string;
  depth: number;
  file?: string;
  line?: number;
}

/** What a module-relative address resolves to. */
export interface AddressInfo {
  /** The FUNC covering the address (innermost if FUNC ranges nest). */
  function?: FunctionSymbol;
  /** Set only when no FUNC applies: the PUBLIC symbol Breakpad would use. */
  public?: PublicSymbol;
  /** The raw line record covering the address, if any. */
  line?: SourceLine;
  /**
   * Position inside the outermost (real) function: the call site of the outermost inlined
   * call, or the line record when nothing is inlined at the address.
   */
  position?: { file?: string; line: number };
  /** Inlined calls active at the address, innermost first. Empty when none. */
  inlines: InlinedCall[];
}

/** A `STACK CFI INIT` range with the rules in force at one address (INIT + deltas applied). */
export interface CfiRuleSet {
  /** Start and size of the `STACK CFI INIT` record covering the address. */
  initAddress: number;
  initSize: number;
  /** Register name (`.cfa`, `.ra`, `$esp`, `rbp`...) → postfix expression. Shared: read only. */
  rules: ReadonlyMap<string, string>;
}

/** `STACK WIN` type field values Breakpad uses (DIA StackFrameTypeEnum). */
export const STACK_WIN_FPO = 0;
export const STACK_WIN_FRAME_DATA = 4;

/** A `STACK WIN` record (x86 Windows unwind data). All numbers are the record's hex fields. */
export interface StackWinInfo {
  type: typeof STACK_WIN_FPO | typeof STACK_WIN_FRAME_DATA;
  address: number;
  size: number;
  prologSize: number;
  epilogSize: number;
  parameterSize: number;
  savedRegisterSize: number;
  localSize: number;
  maxStackSize: number;
  /** The postfix program (FrameData), or undefined when the record carries a flag instead. */
  program?: string;
  /** For FPO records: whether the function uses %ebp as a general register. */
  allocatesBasePointer: boolean;
}

/** One parsed, indexed symbol file. Built once; every lookup is a binary search. */
export interface SymbolFile {
  readonly module?: SymModuleRecord;
  /** `INFO <key> <value>` records, e.g. `CODE_ID` → `10FAA6BBAAB83DB3`. */
  readonly info: ReadonlyMap<string, string>;
  /**
   * Every malformed line found (line numbers are 1-based). Breakpad calls a file with any of
   * these "corrupt" but still uses what it could parse; so do we.
   */
  readonly warnings: readonly ReportWarning[];
  /** Counts of what was indexed (for reports and benchmarks). */
  readonly stats: SymbolFileStats;
  /** Function, line, inline frames, or the nearest PUBLIC for an address. */
  lookup(address: number | bigint): AddressInfo;
  /** The CFI rules in force at an address, or undefined if no `STACK CFI INIT` covers it. */
  findCfiRules(address: number | bigint): CfiRuleSet | undefined;
  /** The `STACK WIN` record for an address: FrameData (type 4) preferred over FPO (type 0). */
  findStackWin(address: number | bigint): StackWinInfo | undefined;
}

export interface SymbolFileStats {
  bytes: number;
  lines: number;
  files: number;
  functions: number;
  publics: number;
  cfiRanges: number;
  stackWin: number;
  inlineOrigins: number;
}

/** The identity of a loaded module, as the minidump's module list gives it. */
export interface ModuleRef {
  debugFile: string;
  debugId: string;
  codeFile: string;
  codeId: string;
}

export type SymbolLookupResult =
  | {
      /** Symbols loaded; `warnings` is empty. */
      status: 'found';
      symbols: SymbolFile;
      /** Store-relative path of the file used, with the store it came from. */
      path: string;
      store: string;
      /** Set when the file's MODULE id differs from the module's debug id (see supplier.ts). */
      idMismatch?: { expected: string; found: string };
    }
  | {
      /**
       * The file was found but is damaged: malformed lines (Breakpad's "corrupt"; `symbols`
       * still holds what could be parsed) or unreadable/too large (`symbols` absent, `error` says why).
       */
      status: 'corrupt';
      symbols?: SymbolFile;
      error?: string;
      path: string;
      store: string;
      idMismatch?: { expected: string; found: string };
    }
  | {
      /** No store has a file at any candidate path. */
      status: 'missing';
      /** Every store-relative path tried, for the report. */
      tried: string[];
    };

/** Finds and loads the symbols of a module. Implementations cache what they load. */
export interface SymbolSupplier {
  lookup(module: ModuleRef): SymbolLookupResult;
}
