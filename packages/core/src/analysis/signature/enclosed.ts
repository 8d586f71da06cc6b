/**
 * Bracket-aware scans over C++ and Rust function names: which parts are enclosed in <>, () or [],
 * and what the last space-separated token is when brackets are respected. These follow Socorro's
 * socorro/signature/utils.py (find_enclosed_slices, replace_enclosed_slices,
 * drop_prefix_and_return_type), with one addition: the characters of an operator name
 * (`operator<`, `operator<=>`, `operator()`, `operator->`) are not brackets.
 */

const OPERATOR_TOKEN = /^(?:<=>|<<=|>>=|<<|>>|<=|>=|->\*|->|<|>|\(\)|\[\])/;

/** Length of an operator name's symbol starting at `i` (just after the word `operator`), else 0. */
export function operatorSymbolLength(text: string, i: number): number {
  if (i < 8 || text.slice(i - 8, i) !== 'operator') return 0;
  const before = i > 8 ? text[i - 9]! : '';
  if (/[A-Za-z0-9_]/.test(before)) return 0; // e.g. `my_operator<T>` is a template, not an operator
  const m = OPERATOR_TOKEN.exec(text.slice(i, i + 3));
  return m ? m[0].length : 0;
}

/**
 * Rewrites each top-level `open … close` slice (nested ones included in it) with `replace`.
 * `before` is the text since the previous slice, as in Socorro. An opening without its closing
 * runs to the end of the text.
 */
export function replaceEnclosed(
  text: string,
  open: string,
  close: string,
  replace: (before: string, inside: string) => string,
): string {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let previousEnd = 0;
  let i = 0;
  while (i < text.length) {
    const skip = operatorSymbolLength(text, i);
    if (skip > 0) {
      i += skip;
      continue;
    }
    const c = text[i]!;
    if (c === open) {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === close && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        out.push(text.slice(previousEnd, start), replace(text.slice(previousEnd, start), text.slice(start, i + 1)));
        previousEnd = i + 1;
      }
    }
    i += 1;
  }
  if (depth > 0) {
    out.push(text.slice(previousEnd, start), replace(text.slice(previousEnd, start), text.slice(start)));
    previousEnd = text.length;
  }
  out.push(text.slice(previousEnd));
  return out.join('');
}

const DELIMITERS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']', '<': '>', '`': "'" };
const CLOSERS = new Set(Object.values(DELIMITERS));

/**
 * Drops storage class and return type: `static void * Allocator<X>::malloc(unsigned __int64)` →
 * `Allocator<X>::malloc(unsigned __int64)`. Splits on spaces outside brackets and keeps the last
 * token, rejoining a trailing `(args)` or `[clone .cold.1]` that a space separated from the name.
 */
export function dropPrefixAndReturnType(fn: string): string {
  const tokens: string[] = [];
  const levels: string[] = [];
  let current = '';
  let i = 0;
  while (i < fn.length) {
    const skip = operatorSymbolLength(fn, i);
    if (skip > 0) {
      current += fn.slice(i, i + skip);
      i += skip;
      continue;
    }
    const c = fn[i]!;
    if (c in DELIMITERS) {
      levels.push(c);
      current += c;
    } else if (CLOSERS.has(c)) {
      if (levels.length > 0 && DELIMITERS[levels[levels.length - 1]!] === c) levels.pop();
      current += c; // an unmatched closer is kept as an ordinary character
    } else if (levels.length > 0) {
      current += c;
    } else if (c === ' ') {
      tokens.push(current);
      current = '';
    } else {
      current += c;
    }
    i += 1;
  }
  if (current !== '') tokens.push(current);
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1]!;
    if (!last.startsWith('(') && !last.startsWith('[clone')) break;
    const joined = `${tokens[tokens.length - 2]!} ${last}`;
    tokens.splice(tokens.length - 2, 2, joined);
  }
  return tokens.length > 0 ? tokens[tokens.length - 1]! : '';
}
