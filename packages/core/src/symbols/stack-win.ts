/**
 * `STACK WIN` records (symbol_files.md, "STACK WIN records"):
 *   STACK WIN <type> <rva> <code_size> <prologue_size> <epilogue_size> <parameter_size>
 *             <saved_register_size> <local_size> <max_stack_size> <has_program_string>
 *             <program_string_OR_allocates_base_pointer>
 * Only types 4 (FrameData, a program) and 0 (FPO, a flag) are used; others are skipped as
 * Breakpad does. When both cover an address, FrameData wins; within one type nested ranges
 * resolve to the innermost (Breakpad stores these in a ContainedRangeMap).
 */
import { RangeIndex } from './range-index.js';
import { decodeSpan, type FieldCursor } from './sym-fields.js';
import { STACK_WIN_FPO, STACK_WIN_FRAME_DATA, type StackWinInfo } from './types.js';

const NUMERIC_FIELDS = 9; // prologue .. max_stack_size are read into `fields`

export class StackWinTable {
  /** Per record: type, address, size, prolog, epilog, params, saved regs, locals, max stack. */
  private readonly records: number[][] = [];
  /** Per record: program byte span, or [-1, flag] for FPO records. */
  private readonly programs: [number, number][] = [];
  private byType?: Map<number, { index: RangeIndex; ids: number[] }>;
  private bytes: Uint8Array = new Uint8Array(0);

  get length(): number {
    return this.records.length;
  }

  /** Parses one record after `STACK WIN`; returns a problem description or undefined. */
  add(cur: FieldCursor, end: number): string | undefined {
    const type = cur.hex();
    const nums: number[] = [type];
    for (let i = 0; i < NUMERIC_FIELDS - 1; i++) nums.push(cur.hex());
    const hasProgram = cur.hex();
    if (nums.some((v) => !(v >= 0)) || !(hasProgram >= 0)) {
      return 'STACK WIN record needs ten hex fields before its program or flag';
    }
    if (type !== STACK_WIN_FPO && type !== STACK_WIN_FRAME_DATA) return undefined;
    this.bytes = cur.bytes;
    if (hasProgram !== 0) {
      const start = cur.restStart();
      if (start >= end) return 'STACK WIN record says it has a program but has none';
      this.programs.push([start, end]);
    } else {
      const flag = cur.hex();
      if (!(flag >= 0)) return 'STACK WIN record needs an allocates-base-pointer flag';
      this.programs.push([-1, flag]);
    }
    this.records.push(nums);
    this.byType = undefined;
    return undefined;
  }

  /** The record covering `address`, FrameData preferred over FPO. */
  find(address: number): StackWinInfo | undefined {
    const types = this.index();
    for (const type of [STACK_WIN_FRAME_DATA, STACK_WIN_FPO]) {
      const t = types.get(type);
      if (!t) continue;
      const hit = t.index.find(address);
      if (hit >= 0) return this.info(t.ids[hit]);
    }
    return undefined;
  }

  private index(): Map<number, { index: RangeIndex; ids: number[] }> {
    if (this.byType) return this.byType;
    const map = new Map<number, { index: RangeIndex; ids: number[] }>();
    for (const type of [STACK_WIN_FPO, STACK_WIN_FRAME_DATA]) {
      const ids: number[] = [];
      for (let i = 0; i < this.records.length; i++) if (this.records[i][0] === type) ids.push(i);
      if (ids.length === 0) continue;
      const starts = ids.map((i) => this.records[i][1]);
      const sizes = ids.map((i) => this.records[i][2]);
      map.set(type, { index: new RangeIndex(starts, sizes), ids });
    }
    this.byType = map;
    return map;
  }

  private info(id: number): StackWinInfo {
    const [type, address, size, prologSize, epilogSize, parameterSize, savedRegisterSize, localSize, maxStackSize] = this.records[id];
    const [start, endOrFlag] = this.programs[id];
    return {
      type: type as StackWinInfo['type'],
      address,
      size,
      prologSize,
      epilogSize,
      parameterSize,
      savedRegisterSize,
      localSize,
      maxStackSize,
      program: start >= 0 ? decodeSpan(this.bytes, start, endOrFlag) : undefined,
      allocatesBasePointer: start < 0 && endOrFlag !== 0,
    };
  }
}
