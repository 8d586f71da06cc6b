/**
 * A `FILE <id> <name>` or `INLINE_ORIGIN <id> <name>` table kept as byte spans of the file: the
 * first pass only records where each name is, and a name is decoded when a lookup first returns
 * it. In the symbol files of inlining compilers these names are most of the bytes (crash-client.sym:
 * ten thousand demangled Rust paths), and a lookup needs a handful of them.
 */
import { decodeSpan } from './sym-fields.js';

export class NameTable {
  /** Per record, in file order: its id and the span of its name. */
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

  add(id: number, start: number, end: number): void {
    this.ids.push(id);
    this.starts.push(start);
    this.ends.push(end);
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

  private lookupIndex(): Map<number, number> | null {
    if (this.index !== undefined) return this.index;
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
