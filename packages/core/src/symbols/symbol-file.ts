/**
 * A parsed `.sym` file with its lookup index. Built once per file by `parseSymbolFile`; lookups
 * are binary searches over typed arrays, and FUNC bodies (line and INLINE records) are decoded
 * on first use and kept in a bounded cache.
 */
import type { ReportWarning } from '../io/errors.js';
import { rulesAt } from './cfi-rules.js';
import { activeInlines, decodeFuncBody, findLine, type FuncBody } from './func-body.js';
import { SYMBOL_LIMITS } from './limits.js';
import { countLines } from './line-numbers.js';
import { RangeIndex } from './range-index.js';
import { decodeSpan } from './sym-fields.js';
import { parseSym, type ParsedSym } from './sym-parser.js';
import type {
  AddressInfo,
  CfiRuleSet,
  FunctionSymbol,
  InlinedCall,
  PublicSymbol,
  SourceLine,
  StackWinInfo,
  SymbolFile,
  SymbolFileStats,
  SymModuleRecord,
} from './types.js';

/** Parses and indexes a Breakpad `.sym` file. Malformed lines become `warnings`; never throws on content. */
export function parseSymbolFile(bytes: Uint8Array): SymbolFile {
  return new BreakpadSymbolFile(parseSym(bytes));
}

/** Module-relative addresses as numbers; out-of-range bigints map to -1 (matches nothing). */
function toAddress(address: number | bigint): number {
  if (typeof address === 'number') return Number.isFinite(address) ? address : -1;
  return address >= 0n && address <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(address) : -1;
}

class BreakpadSymbolFile implements SymbolFile {
  readonly module?: SymModuleRecord;
  readonly info: ReadonlyMap<string, string>;
  readonly warnings: readonly ReportWarning[];
  private readonly p: ParsedSym;
  private readonly funcIndex: RangeIndex;
  private readonly publicIndex: RangeIndex;
  private readonly cfiIndex: RangeIndex;
  private readonly bodies = new Map<number, FuncBody>();
  private readonly cfiRuleSets = new Map<number, CfiRuleSet | undefined>();

  constructor(parsed: ParsedSym) {
    this.p = parsed;
    this.module = parsed.module;
    this.info = parsed.info;
    this.warnings = parsed.warnings;
    this.funcIndex = new RangeIndex(parsed.funcs.address, parsed.funcs.size);
    // PUBLICs have no size: only `floor` is used on them.
    this.publicIndex = new RangeIndex(parsed.publics.address, new Float64Array(parsed.publics.address.length));
    this.cfiIndex = new RangeIndex(parsed.cfi.address, parsed.cfi.size);
  }

  /** Counted when asked (tests, benchmarks): reading the name tables and lines costs time. */
  get stats(): SymbolFileStats {
    const p = this.p;
    return {
      bytes: p.bytes,
      lines: countLines(p.data, p.recordsStart),
      files: p.files.size,
      functions: p.funcs.address.length,
      publics: p.publics.address.length,
      cfiRanges: p.cfi.address.length,
      stackWin: p.stackWin.length,
      inlineOrigins: p.inlineOrigins.size,
    };
  }

  lookup(address: number | bigint): AddressInfo {
    const addr = toAddress(address);
    const result: AddressInfo = { inlines: [] };
    if (addr < 0) return result;
    const fi = this.funcIndex.find(addr);
    if (fi >= 0) {
      result.function = this.functionAt(fi);
      this.fillSource(fi, addr, result);
      return result;
    }
    // Breakpad (BasicSourceLineResolver::Module::LookupAddress): the nearest PUBLIC at or below
    // the address applies only if no FUNC starts between it and the address. Its unit test
    // expects nothing at module2 0x219f, past FUNC 2170+14 whose start is above PUBLIC 2160.
    const pi = this.publicIndex.floor(addr);
    if (pi < 0) return result;
    const nearestFunc = this.funcIndex.floor(addr);
    const pubAddress = this.p.publics.address[pi];
    if (nearestFunc >= 0 && this.p.funcs.address[nearestFunc] >= pubAddress) return result;
    result.public = this.publicAt(pi);
    return result;
  }

  /** Assembled on first use per address and kept (bounded, oldest dropped first); callers only read it. */
  findCfiRules(address: number | bigint): CfiRuleSet | undefined {
    const addr = toAddress(address);
    if (addr < 0) return undefined;
    if (this.cfiRuleSets.has(addr)) return this.cfiRuleSets.get(addr);
    const i = this.cfiIndex.find(addr);
    const c = this.p.cfi;
    const set = i < 0 ? undefined : { initAddress: c.address[i], initSize: c.size[i], rules: rulesAt(this.p.data, c.textStart[i], c.textEnd[i], addr) };
    if (this.cfiRuleSets.size >= SYMBOL_LIMITS.cfiRuleSets) {
      this.cfiRuleSets.delete(this.cfiRuleSets.keys().next().value as number);
    }
    this.cfiRuleSets.set(addr, set);
    return set;
  }

  findStackWin(address: number | bigint): StackWinInfo | undefined {
    const addr = toAddress(address);
    return addr < 0 ? undefined : this.p.stackWin.find(addr);
  }

  private functionAt(i: number): FunctionSymbol {
    const f = this.p.funcs;
    return {
      name: decodeSpan(this.p.data, f.nameStart[i], f.nameEnd[i]),
      address: f.address[i],
      size: f.size[i],
      parameterSize: f.parameterSize[i],
      multiple: f.multiple[i],
    };
  }

  private publicAt(i: number): PublicSymbol {
    const p = this.p.publics;
    return {
      name: decodeSpan(this.p.data, p.nameStart[i], p.nameEnd[i]),
      address: p.address[i],
      parameterSize: p.parameterSize[i],
      multiple: p.multiple[i],
    };
  }

  private body(i: number): FuncBody {
    let body = this.bodies.get(i);
    if (body) return body;
    const f = this.p.funcs;
    body = decodeFuncBody(this.p.data, f.bodyStart[i], f.bodyEnd[i], this.p.oldInlineFormat);
    if (this.bodies.size >= SYMBOL_LIMITS.decodedFunctions) {
      this.bodies.delete(this.bodies.keys().next().value as number);
    }
    this.bodies.set(i, body);
    return body;
  }

  /** Line record, inline frames and the outer function's position (see AddressInfo). */
  private fillSource(fi: number, addr: number, out: AddressInfo): void {
    const body = this.body(fi);
    const files = this.p.files;
    const li = findLine(body, addr);
    let line: SourceLine | undefined;
    if (li >= 0) {
      line = {
        address: body.lineAddress[li],
        size: body.lineSize[li],
        file: files.get(body.lineFile[li]),
        line: body.lineNumber[li],
      };
      out.line = line;
    }
    const active = activeInlines(body, addr);
    if (active.length === 0) {
      if (line) out.position = { file: line.file, line: line.line };
      return;
    }
    // Innermost inlined function: at the line record. Each outer one: at the call site of the
    // next deeper call. The real function: at the call site of the outermost inlined call.
    const frames: InlinedCall[] = [];
    for (let k = active.length - 1; k >= 0; k--) {
      const rec = active[k];
      const deeper = active[k + 1];
      const frame: InlinedCall = { name: this.p.inlineOrigins.get(rec.origin) ?? `<inline origin ${rec.origin}>`, depth: rec.depth };
      if (deeper) {
        frame.file = deeper.callFile === undefined ? undefined : files.get(deeper.callFile);
        frame.line = deeper.callLine;
      } else if (line) {
        frame.file = line.file;
        frame.line = line.line;
      }
      frames.push(frame);
    }
    out.inlines = frames;
    const outer = active[0];
    out.position = { file: outer.callFile === undefined ? undefined : files.get(outer.callFile), line: outer.callLine };
  }
}
