/**
 * A `FILE <id> <name>` or `INLINE_ORIGIN <id> <name>` table kept as byte spans of the file: the
 * first pass only records which lines hold the table's records (already checked), and they are
 * read when a lookup first needs a name; a name is decoded when a lookup first returns it. In
 * the symbol files of inlining compilers these names are most of the bytes (crash-client.sym:
 * ten thousand demangled Rust paths), and a lookup needs a handful of them.
 */
import { decodeSpan } from './sym-fields.js';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

export class NameTable {
  /** Byte spans `[start, end)` of runs of whole lines holding this table's records, in file order. */
  private readonly runs: number[] = [];
  /** Per record, in file order: its id and the span of its name (filled from `runs` on first use). */
  private readonly ids: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly decoded = new Map<number, string>();
  /**
   * Old-layout `INLINE_ORIGIN <id> <file> <name>`: drop the file number from the names (set by
   * the parser once the INLINE records have told which layout the file uses).
   */
  stripFileNumber = false;

  /**
   * Id → record index, built on first use; a repeated id takes its last record. Null while the
   * ids are exactly 0, 1, 2, ... in file order (what dump_syms writes): then the id is the index.
   */
  private index?: Map<number, number> | null;

  constructor(private readonly bytes: Uint8Array) {}

  /** Distinct ids. */
  get size(): number {
    const index = this.lookupIndex();
    return index ? index.size : this.ids.length;
  }

  /**
   * Adds the records on the lines of `bytes[start, end)`, each `KEYWORD <id> <name>` with a
   * decimal id and a non-empty name, as the first pass has checked.
   */
  addLines(start: number, end: number): void {
    this.runs.push(start, end);
    this.index = undefined;
  }

  get(id: number): string | undefined {
    const hit = this.decoded.get(id);
    if (hit !== undefined) return hit;
    const index = this.lookupIndex();
    const i = index ? index.get(id) : id < this.ids.length && Number.isInteger(id) && id >= 0 ? id : undefined;
    if (i === undefined) return undefined;
    let name = decodeSpan(this.bytes, this.starts[i], this.ends[i]);
    if (this.stripFileNumber) {
      const m = /^\d+ (.+)$/.exec(name);
      if (m) name = m[1];
    }
    this.decoded.set(id, name);
    return name;
  }

  /**
   * Reads the records of the runs added since the last call. One loop with no calls but the
   * native newline search: it runs once per table, over ten thousand lines in a big file,
   * mostly before V8 has optimised it.
   */
  private readRuns(): void {
    const runs = this.runs;
    const bytes = this.bytes;
    for (let r = 0; r < runs.length; r += 2) {
      let pos = runs[r];
      const end = runs[r + 1];
      while (pos < end) {
        // `KEYWORD <id> <name>`, spaces or tabs between, checked by the first pass.
        let i = pos;
        let c = bytes[i];
        while (c === SPACE || c === TAB) c = bytes[++i];
        while (c !== SPACE && c !== TAB) c = bytes[++i];
        while (c === SPACE || c === TAB) c = bytes[++i];
        let id = 0;
        while (c >= 0x30 && c <= 0x39) {
          id = id * 10 + (c - 0x30);
          c = bytes[++i];
        }
        while (c === SPACE || c === TAB) c = bytes[++i];
        let nl = bytes.indexOf(LF, i);
        if (nl < 0) nl = bytes.length;
        this.ids.push(id);
        this.starts.push(i);
        this.ends.push(nl > i && bytes[nl - 1] === CR ? nl - 1 : nl);
        pos = nl + 1;
      }
    }
    runs.length = 0;
  }

  private lookupIndex(): Map<number, number> | null {
    if (this.index !== undefined) return this.index;
    this.readRuns();
    const ids = this.ids;
    let dense = true;
    for (let i = 0; i < ids.length && dense; i++) dense = ids[i] === i;
    if (dense) {
      this.index = null;
      return null;
    }
    const index = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) index.set(ids[i], i);
    this.index = index;
    return index;
  }
}
