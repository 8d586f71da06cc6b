/**
 * One call-trace line → one frame. The grammar is the one satyr's `sr_koops_frame_parse`
 * accepts (lib/koops_frame.c), so the frames we hash are the frames ABRT hashes:
 *
 *   x86:     ` [<ffffffff8105cd86>] ? warn_slowpath_common+0x66/0x80 [mod]`
 *   modern:  ` ? find_held_lock+0x39/0x1d0`   ` lock_acquire+0x1d5/0x580`
 *   s390:    ` ([<000003ff8086d036>] will_oops_init+0x36/0x1000 [will_oops])`, `[<000003fffd4a1d92>] 0x3fffd4a1d92`
 *   arm:     `[<c0014318>] (dump_backtrace_log_lvl) from [<c001457c>] (show_stack+0x24/0x2c)`
 *   ppc64:   `[c0000000fe8f3a30] [c0000000000a2d10] .eeh_dev_check_failure+0x6c/0x5a0 (unreliable)`
 *
 * Anything else on the line makes it not a frame, as in satyr; the one extension is that
 * syzkaller's symbolized suffix ` file.c:123 [inline]` is tolerated.
 */
export interface ParsedFrame {
  address?: bigint;
  reliable: boolean;
  function?: string;
  offset?: bigint;
  length?: bigint;
  module?: string;
  fromAddress?: bigint;
  fromFunction?: string;
  fromModule?: string;
}

const HEX = /^[0-9a-fA-F]+/;

class Cursor {
  constructor(public s: string, public i = 0) {}
  skipSpaces(): number {
    const start = this.i;
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
    return this.i - start;
  }
  skip(ch: string): boolean {
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }
  skipWord(w: string): boolean {
    if (this.s.startsWith(w, this.i)) {
      this.i += w.length;
      return true;
    }
    return false;
  }
  hex(): bigint | undefined {
    const m = HEX.exec(this.s.slice(this.i, this.i + 32));
    if (!m || m[0].length > 16) return undefined;
    this.i += m[0].length;
    return BigInt('0x' + m[0]);
  }
  hex0x(): bigint | undefined {
    if (!this.s.startsWith('0x', this.i)) return undefined;
    const save = this.i;
    this.i += 2;
    const v = this.hex();
    if (v === undefined) this.i = save;
    return v;
  }
  /** Characters up to one of `stop` (satyr's sr_parse_char_cspan): at least one. */
  until(stop: string): string | undefined {
    const start = this.i;
    while (this.i < this.s.length && !stop.includes(this.s[this.i])) this.i++;
    return this.i > start ? this.s.slice(start, this.i) : undefined;
  }
  get done(): boolean {
    return this.i >= this.s.length;
  }
}

/** `[<hex>]` or `[hex]`. */
function address(c: Cursor): bigint | undefined {
  const save = c.i;
  if (!c.skip('[')) return undefined;
  const angle = c.skip('<');
  const v = c.hex();
  if (v === undefined || (angle && !c.skip('>')) || !c.skip(']')) {
    c.i = save;
    return undefined;
  }
  return v;
}

function moduleName(c: Cursor): string | undefined {
  const save = c.i;
  if (!c.skip('[')) return undefined;
  const name = c.until(' \t]');
  if (!name || !c.skip(']')) {
    c.i = save;
    return undefined;
  }
  return name;
}

interface FunctionPart {
  function?: string;
  offset?: bigint;
  length?: bigint;
  module?: string;
  address?: bigint;
}

/** `func+0xoff/0xlen [mod]`, optionally in parentheses; or a bare `0xaddress`. */
export function functionPart(c: Cursor): FunctionPart | undefined {
  const save = c.i;
  const paren = c.skip('(');
  const bare = c.hex0x();
  if (bare !== undefined) {
    if (paren && !c.skip(')')) {
      c.i = save;
      return undefined;
    }
    return { address: bare };
  }
  const name = c.until(' \t)+<');
  if (!name || !c.skip('+')) {
    c.i = save;
    return undefined;
  }
  const offset = c.hex0x();
  if (!c.skip('/')) {
    c.i = save;
    return undefined;
  }
  const length = c.hex0x();
  c.skipSpaces();
  const module = moduleName(c);
  c.skipSpaces();
  if (paren && !c.skip(')')) {
    c.i = save;
    return undefined;
  }
  return { function: name, offset, length, module };
}

function atEnd(c: Cursor): boolean {
  c.skipSpaces();
  if (c.done) return true;
  // syzkaller symbolized frames: `func+0x1/0x2 net/core/dev.c:123 [inline]`
  return /^[\w./-]+\.[chS]:\d+(?: \[inline\])?\s*$/.test(c.s.slice(c.i));
}

function parsePpc(line: string): ParsedFrame | undefined {
  const c = new Cursor(line);
  c.skipSpaces();
  if (address(c) === undefined) return undefined;
  c.skipSpaces();
  const addr = address(c);
  if (addr === undefined) return undefined;
  c.skipSpaces();
  c.skip('.');
  const fn = functionPart(c);
  if (!fn) return undefined;
  c.skipSpaces();
  const unreliable = c.skipWord('(unreliable)');
  if (!atEnd(c)) return undefined;
  return { address: addr, reliable: !unreliable, function: fn.function, offset: fn.offset, length: fn.length, module: fn.module };
}

function parseArm(line: string): ParsedFrame | undefined {
  const c = new Cursor(line);
  c.skipSpaces();
  const addr = address(c);
  if (addr === undefined) return undefined;
  c.skipSpaces();
  const unreliable = c.skip('?');
  c.skipSpaces();
  if (!c.skip('(')) return undefined;
  const name = c.until(' \t)+<');
  if (!name || !c.skip(')')) return undefined;
  c.skipSpaces();
  if (!c.skipWord('from')) return undefined;
  c.skipSpaces();
  const from = address(c);
  if (from === undefined) return undefined;
  c.skipSpaces();
  const fn = functionPart(c);
  if (!fn) return undefined;
  return { address: addr, reliable: !unreliable, function: name, fromAddress: from, fromFunction: fn.function, fromModule: fn.module };
}

export function parseFrameLine(line: string): ParsedFrame | undefined {
  if (line.length === 0 || line.length > 1024) return undefined;
  const ppc = parsePpc(line);
  if (ppc) return ppc;
  const arm = parseArm(line);
  if (arm) return arm;
  const c = new Cursor(line);
  c.skipSpaces();
  const paren = c.skip('(');
  let addr = address(c);
  if (addr === undefined) {
    const bare = c.hex0x();
    if (bare !== undefined) return atEnd(c) ? { address: bare, reliable: true } : undefined;
  }
  c.skipSpaces();
  // Old x86 kernels print the address twice: `[<ffffffff81057adf>] [<ffffffff81057adf>] func`.
  if (addr !== undefined) {
    const again = address(c);
    if (again !== undefined) c.skipSpaces();
  }
  const reliable = !c.skip('?');
  c.skipSpaces();
  const fn = functionPart(c);
  if (!fn) return undefined;
  if (fn.address !== undefined && addr === undefined) addr = fn.address;
  const frame: ParsedFrame = { address: addr, reliable, function: fn.function, offset: fn.offset, length: fn.length, module: fn.module };
  c.skipSpaces();
  if (c.skipWord('from')) {
    c.skipSpaces();
    const from = address(c);
    if (from === undefined) return undefined;
    c.skipSpaces();
    const caller = functionPart(c);
    if (!caller) return undefined;
    frame.fromAddress = from;
    frame.fromFunction = caller.function;
    frame.fromModule = caller.module;
    c.skipSpaces();
  }
  if (!frame.module) {
    const mod = moduleName(c);
    if (mod) frame.module = mod;
  }
  if (paren) {
    c.skipSpaces();
    if (!c.skip(')')) return undefined;
  }
  return atEnd(c) ? frame : undefined;
}

export { Cursor };
