/**
 * Assembles the CFI rule set in force at one address (symbol_files.md, "STACK CFI records"):
 * the rules of the `STACK CFI INIT` record, then, in order, every `STACK CFI` delta row whose
 * address is at or below the address, each replacing the rules of the registers it names.
 *
 * A rule list is `reg1: expr1 reg2: expr2 ...`: a token ending in `:` names a register and the
 * tokens up to the next such token are its postfix expression.
 */
import { decodeSpan, FieldCursor, nextLine, type LineSpan } from './sym-fields.js';

/** Parses `reg: expr ...` from `bytes[start, end)` into `rules` (later registers overwrite earlier ones). */
export function parseRuleList(bytes: Uint8Array, start: number, end: number, rules: Map<string, string>): boolean {
  const tokens = decodeSpan(bytes, start, end).split(/[ \t]+/).filter((t) => t.length > 0);
  let register: string | undefined;
  let expr: string[] = [];
  let ok = true;
  const flush = (): void => {
    if (register === undefined) return;
    if (expr.length === 0) ok = false;
    else rules.set(register, expr.join(' '));
  };
  for (const t of tokens) {
    if (t.endsWith(':')) {
      flush();
      register = t.slice(0, -1);
      expr = [];
      if (register.length === 0) ok = false;
    } else if (register === undefined) {
      ok = false; // an expression with no register before it
    } else {
      expr.push(t);
    }
  }
  flush();
  return ok && register !== undefined;
}

/**
 * Rules in force at `address` for the CFI block whose bytes span `[start, end)` (the INIT line
 * and its delta rows, already checked by the first pass).
 */
export function rulesAt(bytes: Uint8Array, start: number, end: number, address: number): Map<string, string> {
  const rules = new Map<string, string>();
  const cur = new FieldCursor();
  const b: LineSpan = { end: 0, next: 0 };
  let pos = start;
  let first = true;
  while (pos < end) {
    nextLine(bytes, pos, b);
    const lineStart = pos;
    pos = b.next;
    cur.reset(bytes, lineStart, b.end);
    if (!cur.keyword('STACK') || !cur.keyword('CFI')) continue; // a foreign line in between
    if (first) {
      if (!cur.keyword('INIT')) continue;
      cur.hex();
      cur.hex();
      parseRuleList(bytes, cur.restStart(), b.end, rules);
      first = false;
      continue;
    }
    if (cur.keyword('INIT')) break;
    const rowAddress = cur.hex();
    if (!(rowAddress <= address)) break; // rows are increasing: the rest apply later
    parseRuleList(bytes, cur.restStart(), b.end, rules);
  }
  return rules;
}
